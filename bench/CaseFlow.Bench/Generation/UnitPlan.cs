namespace CaseFlow.Bench.Generation;

/// <summary>One generated unit: its place in the tree and how busy it is.</summary>
internal sealed record PlannedUnit(Guid Id, Guid? ParentId, string Name, string Kind, string Code, string Path, int Depth, int County, double Weight)
{
    /// <summary>The user name cases and calls of this unit are recorded as created by.</summary>
    public string Operator { get; } = "op." + Code.ToLowerInvariant();
}

/// <summary>
/// A province-like tree: one city federation at the root, ~12 county/district federations, ~15 town/street
/// federations each, ~20 grassroots unions each (about 3,800 units). Each unit gets a lognormal weight, so a few
/// are much busier than the rest, as in real life.
/// </summary>
internal sealed class UnitPlan
{
    private static readonly (string Name, string Code)[] Counties =
    [
        ("上城区", "SC"), ("拱墅区", "GS"), ("西湖区", "XH"), ("滨江区", "BJ"), ("萧山区", "XS"), ("余杭区", "YH"),
        ("临平区", "LP"), ("钱塘区", "QT"), ("富阳区", "FY"), ("临安区", "LN"), ("桐庐县", "TL"), ("淳安县", "CA"),
    ];
    private static readonly string[] TownStems =
    [
        "城东", "城西", "城南", "城北", "新塘", "临江", "河口", "桥头", "长安", "东湖", "西溪", "南苑", "北山", "新桥",
        "花园", "和平", "丰收", "文化", "江南", "湖滨", "清波", "云栖",
    ];
    private static readonly string[] UnionKinds =
    [
        "建筑工程有限公司", "电子科技有限公司", "纺织有限公司", "物流有限公司", "社区", "工业园区", "商贸城", "餐饮管理有限公司",
        "机械制造有限公司", "服装有限公司", "物业服务有限公司", "小学", "卫生院", "快递网点", "家政服务中心",
    ];

    public List<PlannedUnit> Units { get; } = [];
    /// <summary>Indexes into <see cref="Units"/> by level: 1 county, 2 town, 3 grassroots.</summary>
    public List<int>[] ByDepth { get; } = [[], [], [], []];
    public int CountyCount => Counties.Length;

    public UnitPlan(Random random, Guid rootId, string? existingRootName, DateTime now)
    {
        var rootPath = "/" + rootId.ToString("N") + "/";
        Add(new PlannedUnit(rootId, null, existingRootName ?? "杭州市总工会", "City", "HZ", rootPath, 0, -1, 1));
        for (var c = 0; c < Counties.Length; c++)
        {
            var county = Counties[c];
            var countyId = Guid.CreateVersion7(now);
            var countyPath = rootPath + countyId.ToString("N") + "/";
            Add(new PlannedUnit(countyId, rootId, county.Name + "总工会", "County", county.Code, countyPath, 1, c, Weight(random)));
            var towns = 13 + random.Next(5);
            for (var t = 1; t <= towns; t++)
            {
                var townId = Guid.CreateVersion7(now);
                var townPath = countyPath + townId.ToString("N") + "/";
                var townName = TownStems[(t - 1 + c) % TownStems.Length] + (t % 3 == 0 ? "镇" : "街道");
                var townCode = $"{county.Code}{t:D2}";
                Add(new PlannedUnit(townId, countyId, $"{county.Name}{townName}总工会", "Town", townCode, townPath, 2, c, Weight(random)));
                var unions = 16 + random.Next(9);
                for (var g = 1; g <= unions; g++)
                {
                    var unionId = Guid.CreateVersion7(now);
                    var kind = UnionKinds[random.Next(UnionKinds.Length)];
                    Add(new PlannedUnit(unionId, townId, $"{townName}{g}号{kind}工会", "Grassroots", $"{townCode}{g:D2}",
                        townPath + unionId.ToString("N") + "/", 3, c, Weight(random)));
                }
            }
        }
    }

    private void Add(PlannedUnit unit)
    {
        ByDepth[unit.Depth].Add(Units.Count);
        Units.Add(unit);
    }

    private static double Weight(Random random)
    {
        // exp(N(0, 0.9)): the busiest unit of a level sees ~10x the median.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Exp(0.9 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}

/// <summary>Draws an item with probability proportional to its weight (cumulative sums, binary search).</summary>
internal sealed class WeightedPicker
{
    private readonly double[] _cumulative;
    private readonly int[] _items;

    public WeightedPicker(IEnumerable<(int Item, double Weight)> items)
    {
        var list = items.ToList();
        _items = list.Select(i => i.Item).ToArray();
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++) _cumulative[i] = sum += list[i].Weight;
    }

    public int Pick(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return _items[index < 0 ? Math.Min(~index, _items.Length - 1) : index];
    }
}
