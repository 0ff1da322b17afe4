using Microsoft.Extensions.Configuration;
using OpenAI.Chat;
using Platform.Audit;
using Platform.Traces.Decisions;

namespace Platform.EndToEnd.Tests;

/// <summary>After a run of mixed prompts, each zone's decision log tells an auditor exactly what happened, and nothing personal.</summary>
public sealed class DecisionLogAuditTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    private static readonly (string Country, string Prompt, string Zone, string Class, string[] PiiValues)[] Traffic =
    [
        ("CN", "我叫陈志强，身份证号11010519491231002X，帮我写一封辞职信。", "cn", "direct", ["陈志强", "11010519491231002X"]),
        ("CN", "帮我写一首关于长江的诗。", "cn", "none", []),
        ("SG", "My NRIC is S1234567D, please help me draft a letter to HDB.", "sgp", "direct", ["S1234567D"]),
        ("SG", "Suggest a weekend itinerary for Penang.", "sgp", "none", []),
        ("SG", "Summarise the plot of Romeo and Juliet in three lines.", "sgp", "none", []),
        ("DE", "Ich heiße Anna Schmidt, meine E-Mail ist anna.schmidt81@gmail.com. Schreib eine Kündigung.", "fra", "direct", ["Anna Schmidt", "anna.schmidt81@gmail.com"]),
        ("DE", "I was diagnosed with asthma last year; how should I plan my marathon training?", "fra", "sensitive", []),
        ("FR", "Explique la photosynthèse simplement.", "fra", "none", []),
    ];

    [Fact]
    public async Task AfterMixedTraffic_EachZonesDecisionAudit_AgreesWithWhatWasSent_AndHoldsNoPiiValue()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        foreach (var (country, prompt, zone, _, _) in Traffic)
        {
            var (client, headers) = fx.Client(country: country);
            await client.CompleteChatAsync([new UserChatMessage(prompt)], cancellationToken: TestContext.Current.CancellationToken);
            headers.ServedZone.ShouldBe(zone);
        }

        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        foreach (var zone in fx.Platform.Model.Zones.Select(z => z.Id))
        {
            var sent = Traffic.Where(t => t.Zone == zone).ToArray();
            var log = DecisionLogRegistration.Open(
                new ConfigurationBuilder().AddInMemoryCollection([new(DecisionLogRegistration.DirectoryKey, fx.Platform.TraceDirectory(zone))]).Build(),
                fx.Platform.Model.Zone(zone),
                TimeProvider.System);

            var report = await DecisionAudit.RunAsync(fx.Platform.Model, log, from, to, TestContext.Current.CancellationToken);

            report.Violations.ShouldBeEmpty();
            report.Requests.ShouldBe(sent.Length);
            report.ByServingZone.ShouldBe(new Dictionary<string, int> { [zone] = sent.Length });
            report.ByDataClass.ShouldBe(sent.GroupBy(t => t.Class).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        }

        var everyLine = Directory.GetFiles(fx.DataDirectory, "*.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadAllLines).ToArray();
        everyLine.ShouldNotBeEmpty();
        foreach (var value in Traffic.SelectMany(t => t.PiiValues))
        {
            everyLine.ShouldNotContain(l => l.Contains(value, StringComparison.Ordinal), $"a decision record holds the value '{value}'");
        }
    }
}
