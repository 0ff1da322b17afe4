using System.Diagnostics;
using Platform.Edge.Telemetry;

namespace Platform.Edge.Tests.Telemetry;

public sealed class EdgeTelemetryTests
{
    [Fact]
    public void ForwardedRequest_CarriesTheEdgeSpansTraceparent()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EdgeTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var span = EdgeTelemetry.StartRequest();
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v1/chat/completions");

        EdgeTelemetry.Propagate(request);

        span.ShouldNotBeNull();
        request.Headers.GetValues("traceparent").ShouldHaveSingleItem().ShouldBe($"00-{span.TraceId}-{span.SpanId}-01");
    }
}
