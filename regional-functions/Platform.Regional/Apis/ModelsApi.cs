using Platform.Contracts.OpenAi;

namespace Platform.Regional.Apis;

/// <summary>An OpenAI model card with the platform's tier and price as extra properties (OpenAI clients ignore extras).</summary>
internal sealed record ZoneModelCard(string Id, string Object, long Created, string OwnedBy, int Tier, ModelPrice PriceUsdPerMillion);

internal sealed record ModelPrice(decimal Input, decimal CachedInput, decimal Output);

internal sealed record ZoneModelList(string Object, IReadOnlyList<ZoneModelCard> Data);

internal static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/models", List);
        return group;
    }

    /// <summary>The models this zone can serve now: those of pools with an endpoint, at the lowest price among them.</summary>
    internal static IResult List(RegionalSettings settings)
    {
        var cards = settings.Pools
            .GroupBy(p => p.Pool.Model.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var cheapest = g.MinBy(p => p.Pool.Price.Output)!.Pool;

                // The catalogue has no release dates; 0 keeps the field an integer as clients expect.
                return new ZoneModelCard(cheapest.Model.Id, "model", 0, cheapest.Model.Source.Split('/')[0], cheapest.Tier,
                    new ModelPrice(cheapest.Price.Input, cheapest.Price.CachedInput, cheapest.Price.Output));
            })
            .OrderBy(c => c.Tier).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        return Results.Json(new ZoneModelList("list", cards), ChatWire.Json);
    }
}
