namespace Platform.Pii.Text;

/// <summary>Per-scan state shared by the detectors: the text, its cue hits and the findings so far.</summary>
internal sealed class ScanContext
{
    private readonly List<PiiFinding> _findings = [];

    // Spans of the findings, kept sorted by start (they never overlap), for logarithmic overlap and range queries.
    private readonly List<(int Start, int End, string Type)> _spans = [];

    public ScanContext(string text, List<CueHit> cues, string locale)
    {
        Text = text;
        Cues = cues;
        Locale = locale;
        foreach (var hit in cues)
        {
            AllCueKinds |= hit.Kinds;
        }
    }

    public string Text { get; }

    public List<CueHit> Cues { get; }

    public string Locale { get; }

    /// <summary>Union of the kinds of every cue in the text, for cheap "does the prompt mention …" checks.</summary>
    public CueKind AllCueKinds { get; }

    /// <summary>The findings so far (a concrete list, so detectors iterate without allocating an enumerator).</summary>
    public List<PiiFinding> Findings => _findings;

    public bool Has(CueKind kind) => (AllCueKinds & kind) != 0;

    public void Add(string type, int start, int length)
    {
        if (length <= 0 || Overlaps(start, length))
        {
            return;
        }
        _findings.Add(new PiiFinding(type, Text.Substring(start, length), start, length));
        _spans.Insert(FirstSpanFrom(start), (start, start + length, type));
    }

    public bool Overlaps(int start, int length)
    {
        var i = FirstSpanFrom(start);
        // The span starting at or after start overlaps if it starts before our end; the one before if it ends after our start.
        return (i < _spans.Count && _spans[i].Start < start + length) || (i > 0 && _spans[i - 1].End > start);
    }

    /// <summary>Does any finding start within [from, to)?</summary>
    public bool AnyFindingStartsIn(int from, int to)
    {
        var i = FirstSpanFrom(from);
        return i < _spans.Count && _spans[i].Start < to;
    }

    /// <summary>The first position at or after <paramref name="pos"/> that a finding covers, or the text's length.</summary>
    public int NextCoveredPosition(int pos)
    {
        var i = FirstSpanFrom(pos);
        if (i > 0 && _spans[i - 1].End > pos)
        {
            return pos;
        }
        return i < _spans.Count ? _spans[i].Start : Text.Length;
    }

    /// <summary>The start of the first finding at or after <paramref name="pos"/> whose type is not <paramref name="exceptType"/>, or -1.</summary>
    public int NextFindingStart(int pos, string exceptType)
    {
        for (var i = FirstSpanFrom(pos); i < _spans.Count; i++)
        {
            if (_spans[i].Type != exceptType)
            {
                return _spans[i].Start;
            }
        }
        return -1;
    }

    private int FirstSpanFrom(int pos) => LowerBound(_spans, pos, static s => s.Start);

    /// <summary>Is there a cue of <paramref name="kind"/> ending within <paramref name="window"/> chars before <paramref name="pos"/> (on the same line unless told otherwise)?</summary>
    public bool CueBefore(int pos, CueKind kind, int window, bool sameLine = true) => LastCueBefore(pos, kind, window, sameLine) is not null;

    public CueHit? LastCueBefore(int pos, CueKind kind, int window, bool sameLine = true)
    {
        // The line start is searched for only as far back as a cue could still end within the window.
        var lineStart = sameLine ? LineStartWithin(pos, window + MaxCueLength) : 0;
        for (var i = FirstCueAtOrAfter(pos) - 1; i >= 0; i--)
        {
            var hit = Cues[i];
            if (hit.End > pos)
            {
                continue;
            }
            if (hit.End < pos - window || hit.Start < lineStart)
            {
                return null;
            }
            if ((hit.Kinds & kind) != 0)
            {
                return hit;
            }
        }
        return null;
    }

    /// <summary>Is there a cue of <paramref name="kind"/> starting within <paramref name="window"/> chars after <paramref name="pos"/>, on the same line?</summary>
    public bool CueAfter(int pos, CueKind kind, int window)
    {
        var lineEnd = LineEndWithin(pos, window + 1);
        for (var i = FirstCueAtOrAfter(pos); i < Cues.Count; i++)
        {
            var hit = Cues[i];
            if (hit.Start > pos + window || hit.Start >= lineEnd)
            {
                return false;
            }
            if ((hit.Kinds & kind) != 0)
            {
                return true;
            }
        }
        return false;
    }

    // Cues are in text order: binary search for the first one starting at or after pos.
    private int FirstCueAtOrAfter(int pos) => LowerBound(Cues, pos, static c => c.Start);

    // Index of the first item whose start is at or after pos, in a list sorted by start.
    private static int LowerBound<T>(List<T> items, int pos, Func<T, int> startOf)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (startOf(items[mid]) < pos)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    public bool CueOnLine(int pos, CueKind kind)
    {
        var end = LineEnd(pos);
        for (var i = FirstCueAtOrAfter(LineStart(pos)); i < Cues.Count && Cues[i].Start < end; i++)
        {
            if ((Cues[i].Kinds & kind) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Does a cue of <paramref name="kinds"/> start exactly at <paramref name="pos"/>?</summary>
    public bool CueStartsAt(int pos, CueKind kinds)
    {
        for (var i = FirstCueAtOrAfter(pos); i < Cues.Count && Cues[i].Start == pos; i++)
        {
            if ((Cues[i].Kinds & kinds) != 0)
            {
                return true;
            }
        }
        return false;
    }

    // No cue entry is longer than this, so a cue overlapping [start, …) begins at most this far before start.
    private const int MaxCueLength = 48;

    /// <summary>Does a cue of <paramref name="kinds"/> overlap [start, start + length)?</summary>
    public bool CueOverlaps(int start, int length, CueKind kinds)
    {
        for (var i = FirstCueAtOrAfter(start - MaxCueLength); i < Cues.Count && Cues[i].Start < start + length; i++)
        {
            if (Cues[i].End > start && (Cues[i].Kinds & kinds) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Does any finding start on the line holding <paramref name="pos"/>?</summary>
    public bool FindingOnLine(int pos) => AnyFindingStartsIn(LineStart(pos), LineEnd(pos));

    public int LineStart(int pos)
    {
        var i = Text.LastIndexOf('\n', Math.Max(0, Math.Min(pos, Text.Length) - 1));
        return i < 0 ? 0 : i + 1;
    }

    public int LineEnd(int pos)
    {
        var i = Text.IndexOf('\n', Math.Min(pos, Text.Length));
        return i < 0 ? Text.Length : i;
    }

    // Line bounds searched only within reach of pos: number and cue checks run per candidate, and an unbounded search
    // crosses a whole paragraph each time. Past the reach the caller's window rules a cue out anyway, so the reach
    // limit stands in for the line bound there.
    private int LineStartWithin(int pos, int reach)
    {
        pos = Math.Min(pos, Text.Length);
        var from = Math.Max(0, pos - reach);
        var i = Text.AsSpan(from, pos - from).LastIndexOf('\n');
        return i < 0 ? from : from + i + 1;
    }

    private int LineEndWithin(int pos, int reach)
    {
        pos = Math.Min(pos, Text.Length);
        var to = Math.Min(Text.Length, pos + reach);
        var i = Text.AsSpan(pos, to - pos).IndexOf('\n');
        return i < 0 ? to : pos + i;
    }
}
