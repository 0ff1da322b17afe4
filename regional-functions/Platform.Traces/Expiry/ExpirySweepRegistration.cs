using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.Traces.Expiry;

internal static class ExpirySweepRegistration
{
    /// <summary>
    /// Registers a sweeper as both its hourly hosted loop and an <see cref="IExpirySweep"/> the scheduled event runs: one
    /// instance for both, so the two share its store and clock. Hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddExpirySweep<T>(this IServiceCollection services, Func<IServiceProvider, T> create)
        where T : class, IHostedService, IExpirySweep
    {
        // A key of its own per registration: a zone has two sweepers of one type (S3 traces and S3 decision records).
        var key = new object();
        services.AddKeyedSingleton(key, (sp, _) => create(sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<T>(key));
        services.AddSingleton<IExpirySweep>(sp => sp.GetRequiredKeyedService<T>(key));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExpirySweepRun>();
        return services;
    }
}
