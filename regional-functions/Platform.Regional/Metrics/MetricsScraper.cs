using Platform.Regional.Routing;

namespace Platform.Regional.Metrics;

/// <summary>Scrapes every available pool's <c>/metrics</c> on an interval, so routing never waits on a scrape.</summary>
internal sealed class MetricsScraper(
    RegionalSettings settings, PoolLoadBoard board, IHttpClientFactory httpClients, TimeProvider time, ILogger<MetricsScraper> logger)
    : BackgroundService
{
    public const string ClientName = "pool-metrics";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.MetricsScrapeInterval, time);
        do
        {
            await Task.WhenAll(settings.Pools.Select(p => ScrapeAsync(p, stoppingToken)));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScrapeAsync(AvailablePool pool, CancellationToken stoppingToken)
    {
        // A scrape slower than the interval is as good as failed: the next one is due.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        cts.CancelAfter(settings.MetricsScrapeInterval < TimeSpan.FromSeconds(5) ? settings.MetricsScrapeInterval : TimeSpan.FromSeconds(5));
        PoolLoad? load;
        try
        {
            var text = await httpClients.CreateClient(ClientName).GetStringAsync(new Uri(pool.Endpoint, "metrics"), cts.Token);
            load = PrometheusText.LoadOf(PrometheusText.Parse(text));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            load = null;
        }

        // Logged when it changes, not at every interval, so a pool that stays down is one line.
        if (board.RecordScrape(pool.Pool.Id, load))
        {
            if (load is null)
            {
                Log.ScrapeFailed(logger, pool.Pool.Id);
            }
            else
            {
                Log.ScrapeRecovered(logger, pool.Pool.Id);
            }
        }
    }
}
