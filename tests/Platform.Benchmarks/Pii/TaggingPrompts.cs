using System.Text;

namespace Platform.Benchmarks.Pii;

/// <summary>The prompts the tagging benchmark and load run scan, repeated paragraph by paragraph to a target length.</summary>
internal static class TaggingPrompts
{
    // Synthetic values only: valid checksums where the text claims a real identifier, broken ones for look-alikes.
    public static readonly string[] Dense =
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
    public static readonly string[] Clean =
    [
        Dense[^1],
        "We need to refactor the scheduler so that retries back off exponentially and jitter is applied per tenant. Write the design, the test plan and a migration note for operators who still run release 2.3 on 40 nodes.\n",
        "请帮我把下面这段产品需求整理成技术方案：系统每五分钟汇总一次订单数据，写入报表库，读取延迟不超过 50 毫秒。还要考虑灰度发布和回滚方案，以及 3 个可用区之间的容灾切换。\n",
    ];

    // The typical prompt: a support ticket in English with logs, code and colleagues' notes in Chinese, Malay, German
    // and French, quoting one person's name, e-mail and mobile once (invented values, public webmail domain, a mobile
    // that fits Singapore's plan), next to look-alikes that are not personal (a ticket reference, a private IP, job ids).
    // One cycle is 4 121 chars, so the 4 KB prompt quotes the name, e-mail and phone once and the 64 KB one sixteen times.
    public static readonly string[] Mixed =
    [
        "Subject: Nightly export stuck at 87 % since Tuesday\nHi support, my name is Tan Wei Ling and I look after the nightly exports for our Jurong warehouse. Since Tuesday's upgrade the CSV export hangs at 87 % and the dashboard shows `EXPORT_TIMEOUT`. You can reach me at tanweiling.ops@gmail.com or +65 9734 2186 if a screen share helps. Ticket SR-2024-118734, tenant `sg-logistics-04`.\n",
        "```\n2024-11-19T02:14:07.331Z INFO  export-worker[7] job=exp_8f3a21 rows=1048576 chunk=65536 elapsed_ms=4120\n2024-11-19T02:14:11.902Z WARN  export-worker[7] job=exp_8f3a21 s3 multipart part=17 retry=2 status=503 SlowDown\n2024-11-19T02:14:45.018Z ERROR export-worker[7] job=exp_8f3a21 EXPORT_TIMEOUT after 30000 ms upstream=10.20.4.17:9000\n2024-11-19T02:14:45.020Z INFO  export-worker[7] job=exp_8f3a21 released lease=lease-41c7 next_attempt_in=900s\n```\n",
        "补充一下：同一时间段杭州集群的导出也变慢了，平均耗时从 4 分钟涨到 19 分钟。我怀疑是对象存储限流，但监控里 5xx 比例只有 0.3%。请帮忙分析一下重试策略是否需要加指数退避，以及分片大小 64 MB 是否合理，顺便看看并发上传数设成 8 会不会更好。\n",
        "```csharp\nawait foreach (var batch in reader.ReadBatchesAsync(65_536, ct))\n{\n    var part = await uploader.UploadPartAsync(batch, partNumber++, ct);\n    parts.Add(part);\n    metrics.RecordPart(part.Size, stopwatch.Elapsed);\n}\nawait uploader.CompleteAsync(parts, ct);\n```\n",
        "Saya dah cuba tukar chunk size ke 32 MB tapi masih sama. Kalau boleh, tolong bagi contoh konfigurasi retry yang sesuai untuk storage yang serasi dengan S3, dan terangkan kenapa multipart upload selalu gagal pada part ke-17. Team kami run export ni setiap malam pukul 2 pagi.\n",
        "Nachtrag vom Kollegen aus Frankfurt: Bei uns tritt der Fehler nur auf, wenn der Export mehr als eine Million Zeilen enthält. Kleinere Exporte laufen in unter zwei Minuten durch. Version 3.8.2 des Clients war noch unauffällig, erst mit 3.9.0 kam das Problem.\n",
        "```json\n{ \"export\": { \"chunkSize\": 67108864, \"maxRetries\": 3, \"backoffMs\": 200, \"parallelParts\": 4, \"bucket\": \"exports-prod-sg\", \"compression\": \"none\" } }\n```\n",
        "Question annexe de l'équipe de Lyon : faut-il activer la compression gzip côté client, ou le stockage s'en charge-t-il ? Les fichiers font en moyenne 1,2 Go avant compression et nous les relisons ensuite avec Spark.\n",
        "Please propose a fix, a test plan and a rollback note for operators. Our objective is 99.5 % of exports finished within 15 minutes, measured weekly; this quarter's error budget is already 60 % spent, so we would rather not ship another release that changes the retry defaults without a flag.\n",
        "```\nSystem.TimeoutException: The operation has timed out after 00:00:30.\n   at Exports.Storage.MultipartUploader.UploadPartAsync(Batch batch, Int32 partNumber, CancellationToken ct) in /src/Exports/Storage/MultipartUploader.cs:line 142\n   at Exports.Jobs.NightlyExport.RunAsync(CancellationToken ct) in /src/Exports/Jobs/NightlyExport.cs:line 77\n```\n",
        "另外，报表组同事反馈周三凌晨的增量导出也失败了两次，都是在上传第 17 个分片时超时。我们已经把超时时间从 30 秒临时调到 60 秒，但这只是权宜之计，希望能找到根本原因，并给出一个可以在下周二维护窗口上线的方案。\n",
        "```sql\nSELECT job_id, status, COUNT(*) AS parts, MAX(finished_at) - MIN(started_at) AS span\nFROM export_parts\nWHERE started_at >= '2024-11-18' AND job_id LIKE 'exp_%'\nGROUP BY job_id, status\nORDER BY span DESC\nLIMIT 20;\n```\nThe slowest jobs all show status `RETRYING` on parts 15 to 19; the earlier parts finish in about 2.1 s each.\n",
        "Tim Jakarta juga melaporkan hal yang sama: ekspor harian gagal setelah pembaruan hari Selasa, tetapi hanya untuk gudang dengan lebih dari 500 ribu SKU. Apakah ada batas ukuran objek atau jumlah part yang berubah di versi baru? Kami bisa menyediakan log lengkap jika diperlukan.\n",
        "Một đồng nghiệp ở Hà Nội hỏi thêm: có nên chia file xuất thành nhiều tệp nhỏ hơn, mỗi tệp khoảng 200 MB, để giảm rủi ro khi một phần tải lên bị lỗi không? Hệ thống hiện tại chạy trên 6 máy chủ với 16 lõi mỗi máy.\n",
        "For context, the warehouse runs three shifts and the downstream forecasting job starts at 06:00, so an export that finishes after 05:30 delays the replenishment plan for about 140 stores. If you need more data, we can rerun the export tonight with debug logging switched on and attach the full worker log and the storage gateway's access log for the same window. Thanks in advance for looking into it.\n",
    ];

    public static string Build(string[] paragraphs, int targetChars)
    {
        var sb = new StringBuilder(targetChars + 512);
        for (var i = 0; sb.Length < targetChars; i++)
        {
            sb.Append(paragraphs[i % paragraphs.Length]);
        }
        return sb.ToString(0, targetChars);
    }
}
