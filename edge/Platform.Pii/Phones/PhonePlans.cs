namespace Platform.Pii.Phones;

/// <summary>Number plans kept as data (no phone library is available): leading digits and lengths of national significant numbers.</summary>
internal sealed class PhonePlans
{
    private readonly List<Rule> _rules = [];
    private readonly Dictionary<string, string[]> _hotlines = [];
    private readonly string[] _regions;

    // The rules of each region in file order, so a national number is tried only against its candidate regions' plans.
    private readonly Dictionary<string, Rule[]> _rulesByRegion;

    private sealed record Rule(string Region, string CountryCode, string Trunk, bool Mobile, (int Lo, int Hi, int Digits)[] Leading, int MinLength, int MaxLength);

    public PhonePlans(IEnumerable<string> plans, IEnumerable<string> hotlines)
    {
        foreach (var line in plans)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var leading = f[4].Split(',').Select(r =>
            {
                var ends = r.Split('-');
                return (int.Parse(ends[0]), int.Parse(ends[^1]), ends[0].Length);
            }).ToArray();
            var lengths = f[5].Split('-');
            var trunk = f[2] == "-" ? "" : f[2];
            _rules.Add(new Rule(f[0], f[1], trunk, f[3] == "mobile", leading, int.Parse(lengths[0]), int.Parse(lengths[^1])));
        }
        _regions = [.. _rules.Select(r => r.Region).Distinct()];
        _rulesByRegion = _rules.GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var line in hotlines)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _hotlines[f[0]] = f[1].Split(',');
        }
    }

    /// <summary>Digits written after '+': country code, then the national significant number (a written trunk '0' is tolerated).</summary>
    public PhoneMatch? MatchInternational(ReadOnlySpan<char> digits)
    {
        foreach (var rule in _rules)
        {
            if (!digits.StartsWith(rule.CountryCode))
            {
                continue;
            }
            var nsn = digits[rule.CountryCode.Length..];
            if (nsn.Length > 0 && nsn[0] == '0' && rule.Trunk.Length > 0)
            {
                nsn = nsn[1..];
            }
            if (Fits(rule, nsn))
            {
                return new PhoneMatch(rule.Region, rule.Mobile, IsHotline(rule, nsn));
            }
        }
        return null;
    }

    /// <summary>Digits as written nationally, tried against <paramref name="regions"/> in order.</summary>
    public PhoneMatch? MatchNational(ReadOnlySpan<char> digits, ReadOnlySpan<string> regions, bool allowFixed)
    {
        foreach (var region in regions)
        {
            if (!_rulesByRegion.TryGetValue(region, out var rules))
            {
                continue;
            }
            foreach (var rule in rules)
            {
                if ((!rule.Mobile && !allowFixed) || !digits.StartsWith(rule.Trunk))
                {
                    continue;
                }
                var nsn = digits[rule.Trunk.Length..];
                if (Fits(rule, nsn))
                {
                    return new PhoneMatch(rule.Region, rule.Mobile, IsHotline(rule, nsn));
                }
            }
        }
        return null;
    }

    public ReadOnlySpan<string> AllRegions => _regions;

    /// <summary>Does the nationally written number start with a service-number prefix of any of these regions?</summary>
    public bool IsHotline(ReadOnlySpan<char> digits, ReadOnlySpan<string> regions)
    {
        foreach (var region in regions)
        {
            if (_hotlines.TryGetValue(region, out var prefixes))
            {
                foreach (var p in prefixes)
                {
                    if (digits.StartsWith(p))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool Fits(Rule rule, ReadOnlySpan<char> nsn)
    {
        if (nsn.Length < rule.MinLength || nsn.Length > rule.MaxLength)
        {
            return false;
        }
        foreach (var (lo, hi, count) in rule.Leading)
        {
            var head = 0;
            for (var i = 0; i < count; i++)
            {
                head = (head * 10) + (nsn[i] - '0');
            }
            if (head >= lo && head <= hi)
            {
                return true;
            }
        }
        return false;
    }

    // Hotline prefixes are written in national format, so compare against trunk + NSN.
    private bool IsHotline(Rule rule, ReadOnlySpan<char> nsn)
    {
        if (!_hotlines.TryGetValue(rule.Region, out var prefixes))
        {
            return false;
        }
        Span<char> national = stackalloc char[nsn.Length + rule.Trunk.Length];
        rule.Trunk.CopyTo(national);
        nsn.CopyTo(national[rule.Trunk.Length..]);
        foreach (var p in prefixes)
        {
            if (national.StartsWith(p) || (rule.Trunk.Length > 0 && nsn.StartsWith(p)))
            {
                return true;
            }
        }
        return false;
    }
}
