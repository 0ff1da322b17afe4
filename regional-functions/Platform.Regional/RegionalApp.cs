namespace Platform.Regional;

/// <summary>The regional function of one zone: the OpenAI chat-completions API in front of that zone's GPU pools.</summary>
public static class RegionalApp
{
    public static WebApplication Create(string[] args) => Create(args, null);

    /// <summary>For tests: replace services (a clock, say) after the app's own registrations.</summary>
    internal static WebApplication Create(string[] args, Action<IServiceCollection>? overrideServices)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddRegional();
        overrideServices?.Invoke(builder.Services);
        return builder.Build().MapRegional();
    }
}
