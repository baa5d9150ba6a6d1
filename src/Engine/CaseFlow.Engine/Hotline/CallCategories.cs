using CaseFlow.Engine.Cases;

namespace CaseFlow.Engine.Hotline;

/// <summary>What callers want, and the case family each usually becomes (the operator may choose another).</summary>
public static class CallCategories
{
    public const string WageArrears = "wage_arrears";

    private static readonly Dictionary<string, (CaseFamily Family, string Label)> Known = new()
    {
        ["legal_advice"] = (CaseFamily.LegalAid, "法律咨询"),
        [WageArrears] = (CaseFamily.WageArrears, "欠薪投诉"),
        ["mediation"] = (CaseFamily.Mediation, "劳动争议调解"),
        ["aid"] = (CaseFamily.Aid, "困难帮扶"),
        ["employment"] = (CaseFamily.Employment, "就业服务"),
        ["petition"] = (CaseFamily.Petition, "信访"),
        ["other"] = (CaseFamily.Hotline, "其他诉求"),
    };

    public static IReadOnlyCollection<string> All => Known.Keys;

    public static bool IsKnown(string category) => Known.ContainsKey(category);

    public static CaseFamily FamilyOf(string category) => Known.TryGetValue(category, out var known) ? known.Family : CaseFamily.Hotline;

    public static string LabelOf(string category) => Known.TryGetValue(category, out var known) ? known.Label : category;
}
