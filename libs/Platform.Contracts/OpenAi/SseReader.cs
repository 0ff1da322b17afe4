using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Contracts.OpenAi;

/// <summary>Reads server-sent events' <c>data:</c> payloads from a stream as they arrive, without buffering the whole response.</summary>
public static class SseReader
{
    public const string Done = "[DONE]";

    public static async IAsyncEnumerable<string> ReadDataAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return data.ToString();
                    data.Clear();
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }
        }

        if (data.Length > 0)
        {
            yield return data.ToString();
        }
    }
}
