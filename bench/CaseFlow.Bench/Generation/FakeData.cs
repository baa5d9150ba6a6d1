using System.Text;

namespace CaseFlow.Bench.Generation;

/// <summary>
/// Plausible personal and company data for the generator: Chinese names by surname frequency, mobile numbers,
/// resident IDs and unified social credit codes with valid check characters, masked forms, and
/// Data-Protection-shaped ciphertexts. Nothing here is anyone's real data; every value comes from a seeded
/// random source, so a run with the same seed produces the same database.
/// </summary>
internal sealed class FakeData(Random random, Func<string, string> hash, Func<string, string>? protect)
{
    // The most common surnames, roughly in order of frequency: the first ones are drawn far more often.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string GivenChars =
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕雪梅晓东小红春梅丹宇浩然子轩梓涵欣怡佳琪文博俊杰思远雨萱家豪宏伟金凤国庆永平立新";

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185",
        "186", "187", "188", "189", "191", "195", "198", "199",
    ];

    // Hangzhou's districts and counties first (local workers), then the provinces many migrant workers come from.
    private static readonly string[] Regions =
    [
        "330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112", "330113", "330114",
        "330122", "330127", "330182", "330203", "330302", "330402", "330502", "330602", "330702", "330802",
        "340104", "340321", "341221", "410102", "411323", "412727", "510104", "511321", "500101", "360102",
        "362421", "430102", "431121", "420102", "421182", "450102", "520102", "522423", "612301", "532101",
    ];

    private static readonly string[] Banks = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "杭州银行", "浙江农商银行", "中国邮政储蓄银行"];
    private static readonly string[] BankBins = ["622202", "622848", "621661", "621700", "622262", "623061", "621058", "621098"];

    private static readonly string[] CompanyStems =
    [
        "鑫达", "恒信", "宏远", "金辉", "华盛", "天成", "永安", "瑞丰", "东方", "新源", "博远", "润泽", "中联", "正泰",
        "远航", "佳美", "盛世", "长城", "凯瑞", "通达", "汇丰", "嘉和", "明珠", "锦程", "祥云", "万家", "兴业", "大地",
    ];
    private static readonly string[] Industries =
    [
        "建筑工程", "劳务派遣", "服装", "电子科技", "餐饮管理", "物流", "装饰工程", "纺织", "机械制造", "物业管理",
        "家政服务", "食品", "印刷", "汽车配件", "网络科技", "保洁服务", "园林绿化", "安装工程",
    ];

    public const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string ResidentIdChecks = "10X98765432";

    public string Name()
    {
        // Skewed towards the front of the list, as real surname frequencies are (王, 李 and 张 are each ~7%).
        var surname = Surnames[(int)(Surnames.Length * Math.Pow(random.NextDouble(), 2.2))];
        var given = random.Next(10) < 3
            ? GivenChars[random.Next(GivenChars.Length)].ToString()
            : string.Concat(GivenChars[random.Next(GivenChars.Length)], GivenChars[random.Next(GivenChars.Length)]);
        return surname + given;
    }

    public string Mobile() => MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8");

    /// <summary>An 18-digit resident ID (GB 11643) with a valid check character, for someone born between 1962 and 2006.</summary>
    public (string Id, DateOnly BirthDate, bool Male) ResidentId()
    {
        var birth = new DateOnly(1962, 1, 1).AddDays(random.Next(0, 365 * 44));
        var sequence = random.Next(1, 1000);
        var body = $"{Regions[(int)(Regions.Length * Math.Pow(random.NextDouble(), 1.5))]}{birth:yyyyMMdd}{sequence:D3}";
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (body[i] - '0') * ResidentIdWeights[i];
        return (body + ResidentIdChecks[sum % 11], birth, sequence % 2 == 1);
    }

    /// <summary>A unified social credit code (GB 32100): 9 1 (enterprise), region, organisation code with its GB 11714 check, check character.</summary>
    public string CreditCode()
    {
        var code = new StringBuilder("91", 18);
        code.Append(Regions[random.Next(20)]); // companies registered in the province
        var org = new char[8];
        var orgSum = 0;
        for (var i = 0; i < 8; i++)
        {
            // Organisation codes are mostly digits with some capital letters.
            var value = random.Next(10) < 8 ? random.Next(10) : 10 + random.Next(26);
            org[i] = value < 10 ? (char)('0' + value) : (char)('A' + value - 10);
            orgSum += value * OrgCodeWeights[i];
        }
        var orgCheck = 11 - orgSum % 11;
        code.Append(org).Append(orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) });
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += CreditCodeAlphabet.IndexOf(code[i]) * CreditCodeWeights[i];
        return code.Append(CreditCodeAlphabet[(31 - sum % 31) % 31]).ToString();
    }

    private static readonly string[] CompanyForms = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];

    /// <summary>One trade name or two (恒信 or 恒信瑞丰), an industry and a company form, after the place.</summary>
    public string CompanyName(string place)
    {
        var trade = CompanyStems[random.Next(CompanyStems.Length)];
        if (random.Next(3) > 0) trade += CompanyStems[random.Next(CompanyStems.Length)];
        return $"{place}{trade}{Industries[random.Next(Industries.Length)]}{CompanyForms[random.Next(CompanyForms.Length)]}";
    }

    public (string Bank, string Account) BankAccount()
    {
        var bank = random.Next(Banks.Length);
        return (Banks[bank], BankBins[bank] + random.NextInt64(0, 10_000_000_000_000).ToString("D13"));
    }

    private static readonly string[] Illnesses = ["高血压，长期服药", "糖尿病", "尿毒症，每周透析", "恶性肿瘤术后", "重度残疾（肢体二级）", "慢性肾病", "脑梗后遗症"];

    public string Health() => Illnesses[random.Next(Illnesses.Length)];

    public string Household() => $"家庭人口{random.Next(1, 7)}人，月收入{random.Next(800, 4000)}元，{(random.Next(3) == 0 ? "子女在读" : "赡养老人")}";

    /// <summary>
    /// The service's Data Protection cipher of the plaintext with <c>--protect</c>; otherwise random bytes shaped like
    /// one (magic header "CfDJ8", key id, IV, ciphertext, MAC; base64url) of the same length.
    /// </summary>
    public string Cipher(string plaintext)
    {
        if (protect is not null) return protect(plaintext);
        Span<byte> bytes = stackalloc byte[4 + 16 + 16 + (Encoding.UTF8.GetByteCount(plaintext) / 16 + 1) * 16 + 32];
        random.NextBytes(bytes);
        bytes[0] = 0x09; bytes[1] = 0xF0; bytes[2] = 0xC9; bytes[3] = 0xF0;
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The service's keyed hash of the resident ID (PersonalData.HashResidentId).</summary>
    public string Hash(string value) => hash(value);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
