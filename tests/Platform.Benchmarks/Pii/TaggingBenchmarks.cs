using System.Text;
using BenchmarkDotNet.Attributes;
using Platform.Pii;

namespace Platform.Benchmarks.Pii;

/// <summary>
/// Tagging cost of a realistic mixed prompt (Chinese, English, Malay and code, with identifiers, contacts, look-alikes
/// and health disclosures) at 4 KB and 64 KB. Allocation should grow with findings, not with text length.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    // Synthetic values only: valid checksums where the text claims a real identifier, broken ones for look-alikes.
    private static readonly string[] Paragraphs =
    [
        "帮我整理理赔材料清单并写一段情况说明：被保险人方国栋，身份证 650102197206136175，2024 年 3 月因急性阑尾炎住院，行腹腔镜阑尾切除术，住院 5 天，理赔款请打到工商银行卡 6212 2638 1701 8465 306。\n",
        "Our checkout integration test keeps failing. The card number in the fixture is 4926807684502318 and the payment gateway answers `incorrect_number`. Is it the Luhn digit? Write me a small TypeScript helper that validates the number before we call the API.\n",
        "```sql\nINSERT INTO user_profile (name, id_card, mobile, reg_ip)\nVALUES ('曹雨桐', '410105198408154688', '13783519733', '112.103.196.144');\n```\n表上有 UNIQUE KEY uk_mobile(mobile)。是不是手机号已经存在？怎么改成 upsert？\n",
        "Tolong tulis email to HR: saya Farah Nadia binti Yusof, IC 941011-11-1816, nak update emergency contact kepada 019-595 6832. Boss cakap kena submit claim sebelum 25hb, tapi system tak accept invoice INV-2024-88251.\n",
        "The bank's lost-card hotline 1800 339 6621 keeps me on hold for 40 minutes. Is there a faster way to freeze a card in Singapore — the app, a branch, or an email? Give me a checklist.\n",
        "我儿子乐乐，8岁，读二年级，刚确诊注意力缺陷多动障碍，写作业特别拖拉。有没有适合这类孩子的作业时间安排方法？顺丰单号 SF1986582096598 显示已签收。\n",
        "Log staging tunjuk `request_id=5629c566-738f-4152-97c2-d4c67acd9e22 client=192.0.2.44 status=504` untuk semua request lepas deploy. Kenapa ya? Load balancer health check ke yang salah?\n",
        "Write an email to my bank in Hong Kong asking them to update my details: Chan Ka Yan, HKID P875619(1), new mobile +852 6902 0248, new address Flat 12B, Tower 3, 8 Tai Hong Street, Sai Wan Ho, Hong Kong.\n",
        "Please summarise the attached design review. The service reads events from Kafka, enriches them with the customer tier, and writes aggregates every five minutes; latency budgets are 50 ms p99 for reads and 200 ms for writes. Version 4.1.100.1 of the client library introduced a regression in retry handling that we still need to bisect.\n",
    ];

    // Most traffic carries no personal data: a long design-review prompt in English and Chinese with numbers,
    // versions and order references but nothing personal.
    private static readonly string[] CleanParagraphs =
    [
        Paragraphs[^1],
        "We need to refactor the scheduler so that retries back off exponentially and jitter is applied per tenant. Write the design, the test plan and a migration note for operators who still run release 2.3 on 40 nodes.\n",
        "请帮我把下面这段产品需求整理成技术方案：系统每五分钟汇总一次订单数据，写入报表库，读取延迟不超过 50 毫秒。还要考虑灰度发布和回滚方案，以及 3 个可用区之间的容灾切换。\n",
    ];

    private readonly PiiClassifier _classifier = new();
    private string _prompt4K = "";
    private string _prompt64K = "";
    private string _clean64K = "";

    public static string BuildPrompt(int targetChars) => Build(Paragraphs, targetChars);

    private static string Build(string[] paragraphs, int targetChars)
    {
        var sb = new StringBuilder(targetChars + 512);
        for (var i = 0; sb.Length < targetChars; i++)
        {
            sb.Append(paragraphs[i % paragraphs.Length]);
        }
        return sb.ToString(0, targetChars);
    }

    [GlobalSetup]
    public void Setup()
    {
        _prompt4K = BuildPrompt(4 * 1024);
        _prompt64K = BuildPrompt(64 * 1024);
        _clean64K = Build(CleanParagraphs, 64 * 1024);
    }

    [Benchmark(Baseline = true)]
    public PiiScan Tag4K() => _classifier.Scan(_prompt4K);

    [Benchmark]
    public PiiScan Tag64K() => _classifier.Scan(_prompt64K);

    [Benchmark]
    public PiiScan TagClean64K() => _classifier.Scan(_clean64K);
}
