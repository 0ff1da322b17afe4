using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Regional.Routing;

/// <summary>Routes a request with this moment's load and health: the facts gathered here, the decision made by <see cref="PoolChooser"/>.</summary>
internal sealed class PoolRouter(RegionalSettings settings, ComplianceModel model, PoolLoadBoard board, PoolChoiceSettings choice, TimeProvider time)
{
    /// <summary>The pools to try for these tags (their cost and max tier, requested model) and this request (its shared prefix).</summary>
    public RouteDecision Route(RequestTags tags, ChatRequest request) =>
        PoolChooser.Choose(
            new RouteFacts(
                settings.Zone.Id, tags.RequestedModel, tags.CostTier, tags.MaxTier, board.Snapshot(), model.Models, model.Tiers, time.GetUtcNow(),
                tags.DataClass, model.MayReceive, PrefixAffinity.KeyOf(request, choice.AffinityMinChars), choice.AffinityMargin),
            Random.Shared);
}
