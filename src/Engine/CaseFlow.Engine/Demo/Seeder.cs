using System.Text.Json;

namespace CaseFlow.Engine.Demo;

/// <summary>The demo county's content, made through the API in the order a federation would make it.</summary>
internal sealed class Seeder(HttpClient api, string password, CancellationToken ct)
{
    private Guid _county, _jincheng, _yuqian, _changhua, _jinchengUnion, _devZoneUnion, _yuqianUnion, _changhuaUnion;
    private readonly List<Guid> _employers = [];
    private readonly List<(Guid Id, string Name, string Phone)> _people = [];

    public List<string> UserNames { get; } = [];
    public int CaseCount { get; private set; }
    public int CallCount { get; private set; }

    public async Task UnitsAsync(Guid root)
    {
        _county = await UnitAsync(root, "临安区总工会", "County", DemoSeed.CountyCode);
        _jincheng = await UnitAsync(_county, "锦城街道总工会", "Town", "JC");
        _yuqian = await UnitAsync(_county, "於潜镇总工会", "Town", "YQ");
        _changhua = await UnitAsync(_county, "昌化镇总工会", "Town", "CH");
        _jinchengUnion = await UnitAsync(_jincheng, "锦城街道联合工会", "Grassroots", "JC01");
        _devZoneUnion = await UnitAsync(_jincheng, "临安经济开发区企业联合工会", "Grassroots", "JC02");
        _yuqianUnion = await UnitAsync(_yuqian, "於潜镇村级联合工会", "Grassroots", "YQ01");
        _changhuaUnion = await UnitAsync(_changhua, "昌化镇建筑业联合工会", "Grassroots", "CH01");
    }

    private async Task<Guid> UnitAsync(Guid parent, string name, string kind, string code) =>
        (await DemoSeed.PostAsync(api, "/api/units", new { parentId = parent, name, kind, code }, ct)).GetProperty("id").GetGuid();

    /// <summary>One user per role, at the level where that role works.</summary>
    public async Task StaffAsync()
    {
        await UserAsync("operator", "陈静（热线）", _county, "operator");
        await UserAsync("caseworker", "王磊（锦城经办）", _jincheng, "caseworker");
        await UserAsync("caseworker.yq", "李娟（於潜经办）", _yuqian, "caseworker");
        await UserAsync("reviewer", "赵敏（锦城审核）", _jincheng, "reviewer");
        await UserAsync("approver", "孙建国（区总审批）", _county, "approver");
        await UserAsync("finance", "周丽（财务）", _county, "finance");
        await UserAsync("auditor", "吴刚（经审）", _county, "auditor");
        await UserAsync("supervisor", "郑华（主管）", _county, "supervisor");
    }

    private async Task UserAsync(string userName, string displayName, Guid unitId, string role)
    {
        await DemoSeed.PostAsync(api, "/api/users", new { userName, displayName, unitId, password, roles = new[] { new { role, unitId } } }, ct);
        UserNames.Add(userName);
    }

    public async Task EmployersAsync()
    {
        (string Name, string Code, string Address, Guid Unit)[] employers =
        [
            ("杭州锦程建筑劳务有限公司", "91330185MA2A1B3C2H", "临安区锦城街道钱王街 88 号", _jincheng),
            ("临安青山湖电子科技有限公司", "91330185MA27XK1D48", "临安区青山湖街道科技大道 1 号", _jincheng),
            ("於潜竹制品加工厂", "91330185MA2B9F0E59", "临安区於潜镇溪口路 12 号", _yuqian),
            ("昌化山核桃食品有限公司", "91330185MA28Q7LG39", "临安区昌化镇昌化路 36 号", _changhua),
        ];
        foreach (var (name, creditCode, address, unitId) in employers)
        {
            var created = await DemoSeed.PostAsync(api, "/api/employers", new { name, creditCode, address, contactPhone = "0571-6372" + _employers.Count + "188", unitId }, ct);
            _employers.Add(created.GetProperty("id").GetGuid());
        }
    }

    /// <summary>Families on file: resident IDs with valid check characters (GB 11643), encrypted by the service.</summary>
    public async Task PeopleAsync()
    {
        (string Name, string Id, string Phone, Guid Unit, string? Cause, int Size, decimal Income)[] people =
        [
            ("王秀英", "330185197603125134", "13957120001", _jinchengUnion, "illness", 3, 860m),
            ("张建明", "330185198207056020", "13957120002", _jinchengUnion, "disability", 4, 720m),
            ("刘桂芳", "330185196909211911", "13957120003", _devZoneUnion, "accident", 2, 1100m),
            ("陈国强", "330185199001305620", "13957120004", _yuqianUnion, "schooling", 4, 950m),
            ("杨丽华", "330185198504177435", "13957120005", _yuqianUnion, "unemployment", 3, 600m),
            ("黄志伟", "330185197308081423", "13957120006", _changhuaUnion, "illness", 5, 780m),
            ("周小燕", "330185199506116577", "13957120007", _jinchengUnion, null, 1, 0m),
            ("吴海涛", "330185198802241845", "13957120008", _devZoneUnion, null, 1, 0m),
            ("徐美玲", "33018519710915217X", "13957120009", _changhuaUnion, null, 1, 0m),
            ("孙立军", "330185199305031729", "13957120010", _jinchengUnion, null, 1, 0m),
            ("马春兰", "330185198007193813", "13957120011", _yuqianUnion, null, 1, 0m),
            ("朱永康", "330185196701028384", "13957120012", _changhuaUnion, null, 1, 0m),
        ];
        foreach (var (name, residentId, phone, unitId, cause, size, income) in people)
        {
            object? household = cause is null ? null : new
            {
                members = Enumerable.Range(1, size - 1).Select(i => new { name = name[..1] + (i == 1 ? "配偶" : "子女" + i), relation = i == 1 ? "配偶" : "子女" }),
                monthlyIncome = income * size,
                hardshipCause = cause,
            };
            var created = await DemoSeed.PostAsync(api, "/api/people", new
            {
                name, phone, residentId, unitId, household,
                address = "临安区" + (unitId == _yuqianUnion ? "於潜镇" : unitId == _changhuaUnion ? "昌化镇" : "锦城街道") + "某村 " + (_people.Count + 3) + " 号",
                bankName = cause is null ? null : "临安农商银行",
                bankAccount = cause is null ? null : "62230915" + (70000000 + _people.Count * 1371).ToString("D8") + "12",
                health = cause == "illness" ? "尿毒症，每周透析三次" : null,
            }, ct);
            _people.Add((created.GetProperty("id").GetGuid(), name, phone));
        }
    }

    /// <summary>Hardship aid cases at different steps of their workflow.</summary>
    public async Task AidCasesAsync()
    {
        (int Person, Guid Unit, decimal Amount, int Steps)[] cases =
        [
            (0, _jinchengUnion, 5000m, 2),   // at the household visit
            (1, _jinchengUnion, 3000m, 1),   // at the household file
            (2, _devZoneUnion, 12000m, 0),   // just applied
            (3, _yuqianUnion, 2000m, 1),
            (4, _yuqianUnion, 2500m, 0),
            (5, _changhuaUnion, 6000m, 0),
        ];
        foreach (var (index, unitId, amount, steps) in cases)
        {
            var person = _people[index];
            var opened = await DemoSeed.PostAsync(api, "/api/cases", new
            {
                family = "Aid", unitId, title = $"困难职工帮扶申请（{person.Name[..1]}）", applicantId = person.Id, amountClaimed = amount,
                description = "基层工会申报，申请困难帮扶。", tags = new[] { "冬送温暖" },
            }, ct);
            CaseCount++;
            var caseId = opened.GetProperty("id").GetGuid();
            if (steps >= 1)
            {
                await CompleteOpenTaskAsync(caseId, "caseworker", new
                {
                    applicantName = person.Name, identityVerified = true, applicantPhone = person.Phone, documentsComplete = true, applicationDecision = "accept",
                });
            }
            if (steps >= 2)
            {
                await CompleteOpenTaskAsync(caseId, "caseworker", new
                {
                    hardshipCause = "illness", householdSize = 3, monthlyIncomePerCapita = 860, householdMembers = "本人、配偶、女儿（在读）",
                    hardshipDescription = "本人患尿毒症需长期透析，配偶务农，家庭收入微薄。",
                });
                await DemoSeed.PostAsync(api, $"/api/cases/{caseId}/notes", new { text = "已约定本周四入户核查，需带核查表与相机。" }, ct);
            }
        }
    }

    private async Task CompleteOpenTaskAsync(Guid caseId, string user, object variables)
    {
        var tasks = await DemoSeed.GetAsync(api, $"/api/tasks?caseId={caseId}&state=Created", ct);
        var task = tasks.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        await DemoSeed.PostAsync(api, $"/api/tasks/{task}/claim", new { user }, ct);
        await DemoSeed.PostAsync(api, $"/api/tasks/{task}/complete", new { user, variables }, ct);
    }

    public async Task MediationCaseAsync()
    {
        var person = _people[7];
        await DemoSeed.PostAsync(api, "/api/cases", new
        {
            family = "Mediation", unitId = _devZoneUnion, title = "解除劳动合同经济补偿争议", applicantId = person.Id, employerId = _employers[1],
            amountClaimed = 18000m, description = "职工称被无故辞退，要求支付经济补偿金，申请工会调解。", priority = "High",
        }, ct);
        CaseCount++;
    }

    /// <summary>Calls answered on the spot, one turned into a hotline case, and a group of unpaid builders.</summary>
    public async Task HotlineAsync()
    {
        await CallAsync(_people[9].Phone, _people[9].Name, "legal_advice", "咨询试用期被辞退是否有补偿。", answer: "已告知劳动合同法相关规定，建议保留证据，可申请调解。");
        await CallAsync(_people[10].Phone, _people[10].Name, "employment", "询问春风行动招聘会时间。", answer: "已告知下周六在区职工服务中心举办。");
        var request = await CallAsync(_people[11].Phone, _people[11].Name, "aid", "家中老人重病，询问能否申请帮扶。");
        await DemoSeed.PostAsync(api, $"/api/hotline/calls/{request.GetProperty("id").GetGuid()}/case",
            new { family = "Hotline", version = request.GetProperty("version").GetInt32() }, ct);
        CaseCount++;

        // Ten builders of one contractor, unpaid before the Spring Festival: one collective case, flagged at the threshold.
        string[] names = ["钱大勇", "冯小军", "蒋志强", "韩长林", "曹德胜", "彭建华", "谢国平", "罗永红", "宋金宝", "唐海明"];
        for (var i = 0; i < names.Length; i++)
        {
            var call = await CallAsync($"1360571{3000 + i:D4}", names[i], "wage_arrears", "工地完工三个月，包工头拖欠工资未付。", employer: _employers[0]);
            await DemoSeed.PostAsync(api, $"/api/hotline/calls/{call.GetProperty("id").GetGuid()}/case", new
            {
                family = "WageArrears", version = call.GetProperty("version").GetInt32(), amountClaimed = 8000m + i * 750m,
            }, ct);
        }
        CaseCount++;
    }

    private async Task<JsonElement> CallAsync(string phone, string name, string category, string description, string? answer = null, Guid? employer = null)
    {
        CallCount++;
        return await DemoSeed.PostAsync(api, "/api/hotline/calls", new
        {
            callerPhone = phone, callerName = name, category, description, answer, employerId = employer, unitId = _jincheng,
            urgency = category == "wage_arrears" ? "Urgent" : "Normal",
        }, ct);
    }
}
