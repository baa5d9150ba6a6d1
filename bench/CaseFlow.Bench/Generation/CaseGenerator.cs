using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Persistence.Migrations;
using CaseFlow.Engine.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Bench.Generation;

/// <summary>
/// Fills a PostgreSQL database, migrated by the service's own <see cref="DatabaseMigrator"/>, with a province-like
/// case load: the unit tree, people, employers, cases over five years with their parties, the case counters the
/// service numbers new cases from, and hotline calls. Rows go in by binary COPY in batches; by default the
/// indexes and foreign keys of the big tables are dropped first and rebuilt from their catalog definitions
/// afterwards (<c>--keep-indexes</c> loads with them in place). See bench/README.md, "Case load generator".
/// </summary>
internal static class CaseGenerator
{
    private static readonly string[] BulkTables = ["people", "employers", "cases", "case_parties", "calls"];

    // Shares of the families among cases, from the unions' yearly reports: wage arrears and hotline requests dominate.
    private static readonly (string Family, double Share)[] Families =
    [
        ("WageArrears", 0.34), ("Hotline", 0.24), ("Mediation", 0.15), ("Aid", 0.13), ("LegalAid", 0.06), ("Employment", 0.05), ("Petition", 0.03),
    ];
    private static readonly string[] HotlineTopics =
        ["社保缴纳咨询", "劳动合同纠纷", "工伤认定咨询", "加班费争议", "解除劳动合同补偿", "女职工权益", "职工疗休养", "困难补助政策", "技能培训报名", "法律咨询"];
    // The hotline's categories (Hotline/CallCategories.cs) other than wage arrears, which comes with its cases.
    private static readonly string[] CallCategories = ["legal_advice", "legal_advice", "legal_advice", "mediation", "aid", "employment", "petition", "other", "other"];
    private static readonly string[] TagChoices = ["农民工", "建筑业", "春节前", "重点关注", "媒体关注", "多次来电", "疫情影响", "平台用工"];

    public static async Task<int> RunAsync(string[] args)
    {
        var connectionString = Options.Get(args, "--connection") ?? throw new ArgumentException("--connection is required (PostgreSQL)");
        var cases = long.Parse(Options.Get(args, "--cases") ?? "1000000", CultureInfo.InvariantCulture);
        var batchSize = int.Parse(Options.Get(args, "--batch") ?? "250000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Options.Get(args, "--seed") ?? "20261130", CultureInfo.InvariantCulture);
        var keepIndexes = Options.Has(args, "--keep-indexes");
        // --protect: every cipher through the service's Data Protection (readable by the service, ~3x slower to
        // generate); otherwise ciphers are random bytes shaped like it. The resident ID hash is always the service's.
        var protect = Options.Has(args, "--protect");
        var total = Stopwatch.StartNew();

        var clock = Stopwatch.StartNew();
        await new DatabaseMigrator(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        Console.Error.WriteLine($"migrated in {clock.Elapsed.TotalSeconds:F1} s");

        // The service's own PersonalData (Data Protection key ring and hash key in this database, created here when
        // missing), so the service finds a generated person by resident ID as it finds one it registered itself.
        var host = WebApplication.CreateBuilder();
        host.Logging.ClearProviders();
        host.Configuration["Database:Provider"] = "Postgres";
        host.Configuration["ConnectionStrings:CaseFlow"] = connectionString;
        host.Services.AddCaseFlowPersistence();
        host.Services.AddPrivacy();
        await using var services = host.Build();
        var personalData = services.Services.GetRequiredService<PersonalData>();
        await personalData.HashResidentIdAsync("110101199003077777");

        await using var control = new NpgsqlConnection(connectionString);
        await control.OpenAsync();
        await RefuseUnlessEmptyAsync(control);
        var root = await ExistingRootAsync(control);
        await CheckColumnsAsync(control);
        // Migration 0010 (case search) adds the number's sequence as its own column; earlier schemas lack it.
        var withSequence = await ScalarAsync<bool>(control,
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'cases' AND column_name = 'sequence')");

        var random = new Random(seed);
        var now = DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour);
        var plan = new UnitPlan(random, root?.Id ?? Guid.CreateVersion7(now.AddYears(-6)), root?.Name, now.AddYears(-6));
        var fake = new FakeData(random, personalData.HashResidentId, protect ? personalData.Protect : null);
        var counts = new Dictionary<string, long>();
        var loadSeconds = new Dictionary<string, double>();

        var fingerprint = await BulkSchema.FingerprintAsync(control);
        var schema = await BulkSchema.ReadAsync(control, BulkTables);
        if (!keepIndexes)
        {
            await schema.DropAsync(control);
            Console.Error.WriteLine($"dropped {schema.IndexCount} keys and indexes and {schema.ForeignKeyCount} foreign keys of {string.Join(", ", BulkTables)}");
        }

        clock.Restart();
        counts["units"] = await WriteUnitsAsync(connectionString, plan, root is not null, now.AddYears(-6));
        loadSeconds["units"] = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var people = await WritePeopleAsync(connectionString, plan, fake, random, Math.Max(1000, cases * 55 / 100), now);
        counts["people"] = people.Ids.Length;
        loadSeconds["people"] = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var employers = await WriteEmployersAsync(connectionString, plan, fake, random, Math.Max(200, cases / 40), now);
        counts["employers"] = employers.Ids.Length;
        loadSeconds["employers"] = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var caseCounts = await WriteCasesAsync(connectionString, plan, fake, random, people, employers, cases, batchSize, now, withSequence);
        foreach (var (table, count) in caseCounts) counts[table] = count;
        loadSeconds["cases+case_parties+calls+case_counters"] = clock.Elapsed.TotalSeconds;
        var loaded = total.Elapsed.TotalSeconds;

        double indexSeconds = 0, foreignKeySeconds = 0;
        if (!keepIndexes)
        {
            Console.Error.WriteLine("rebuilding keys and indexes:");
            (indexSeconds, foreignKeySeconds) = await schema.RecreateAsync(connectionString);
        }
        clock.Restart();
        await using (var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) units, case_counters, {string.Join(", ", BulkTables)}", control) { CommandTimeout = 0 })
            await vacuum.ExecuteNonQueryAsync();
        var vacuumSeconds = clock.Elapsed.TotalSeconds;
        var identical = await BulkSchema.FingerprintAsync(control) == fingerprint;

        var rows = counts.Values.Sum();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "generate", cases, mode = keepIndexes ? "indexes in place" : "load, then index", seed, ciphers = protect ? "Data Protection" : "shaped",
            rows = counts, totalRows = rows,
            loadSeconds = Math.Round(loaded, 1), loadRowsPerSecond = Math.Round(rows / loaded),
            perTableSeconds = loadSeconds.ToDictionary(p => p.Key, p => Math.Round(p.Value, 1)),
            indexSeconds = Math.Round(indexSeconds, 1), foreignKeySeconds = Math.Round(foreignKeySeconds, 1),
            vacuumAnalyzeSeconds = Math.Round(vacuumSeconds, 1),
            totalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1), rowsPerSecondOverall = Math.Round(rows / total.Elapsed.TotalSeconds),
            databaseSize = await ScalarAsync<string>(control, "SELECT pg_size_pretty(pg_database_size(current_database()))"),
            schemaIdenticalToMigrations = identical,
        }));
        return identical ? 0 : 1;
    }

    private static async Task RefuseUnlessEmptyAsync(NpgsqlConnection connection)
    {
        var existing = await ScalarAsync<long>(connection,
            "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM people) + (SELECT count(*) FROM employers) + (SELECT count(*) FROM calls) + (SELECT count(*) FROM units WHERE parent_id IS NOT NULL)");
        if (existing > 0) throw new InvalidOperationException("The database already holds cases, people, employers, calls or units below the root: generate into a fresh database.");
    }

    /// <summary>The service's first run may have created the root unit (its first admin lives there): the tree grows under it.</summary>
    private static async Task<(Guid Id, string Name)?> ExistingRootAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT id, name FROM units WHERE parent_id IS NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }

    /// <summary>A later migration may add a required column the generator does not fill: say so instead of failing mid-load.</summary>
    private static async Task CheckColumnsAsync(NpgsqlConnection connection)
    {
        var written = new Dictionary<string, string[]>
        {
            ["units"] = UnitColumns, ["people"] = PersonColumns, ["employers"] = EmployerColumns, ["cases"] = [.. CaseColumns, "sequence"],
            ["case_parties"] = PartyColumns, ["calls"] = CallColumns, ["case_counters"] = ["unit_id", "year", "next_value"],
        };
        await using var command = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ANY(@tables)
              AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
            """, connection);
        command.Parameters.AddWithValue("tables", written.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var missing = new List<string>();
        while (await reader.ReadAsync())
        {
            if (!written[reader.GetString(0)].Contains(reader.GetString(1))) missing.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        }
        if (missing.Count > 0) throw new InvalidOperationException($"The schema has required columns the generator does not fill: {string.Join(", ", missing)}.");
    }

    private static readonly string[] UnitColumns = ["id", "parent_id", "name", "kind", "code", "path", "depth", "collective_threshold", "created_at", "version"];

    private static async Task<long> WriteUnitsAsync(string connectionString, UnitPlan plan, bool rootExists, DateTime createdAt)
    {
        await using var connection = await OpenLoaderAsync(connectionString);
        await using var writer = await connection.BeginBinaryImportAsync(Copy("units", UnitColumns));
        foreach (var unit in plan.Units.Skip(rootExists ? 1 : 0))
        {
            writer.StartRow();
            writer.Write(unit.Id, NpgsqlDbType.Uuid);
            Nullable(writer, unit.ParentId, NpgsqlDbType.Uuid);
            writer.Write(unit.Name, NpgsqlDbType.Text);
            writer.Write(unit.Kind, NpgsqlDbType.Text);
            writer.Write(unit.Code, NpgsqlDbType.Text);
            writer.Write(unit.Path, NpgsqlDbType.Text);
            writer.Write(unit.Depth, NpgsqlDbType.Integer);
            // A few busy towns set their own collective threshold; the rest inherit the service default.
            Nullable(writer, unit.Depth == 2 && unit.Weight > 3 ? 20 : (int?)null, NpgsqlDbType.Integer);
            writer.Write(createdAt, NpgsqlDbType.TimestampTz);
            writer.Write(1, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
        return plan.Units.Count - (rootExists ? 1 : 0);
    }

    internal sealed record PeopleSet(Guid[] Ids, string[] Names, string[] Phones, int[][] ByCounty);

    private static readonly string[] PersonColumns =
    [
        "id", "unit_id", "name", "phone", "resident_id_cipher", "resident_id_hash", "resident_id_masked", "gender", "birth_date", "address",
        "bank_name", "bank_account_cipher", "bank_account_masked", "health_cipher", "household_cipher", "created_at", "updated_at", "version",
    ];

    private static async Task<PeopleSet> WritePeopleAsync(string connectionString, UnitPlan plan, FakeData fake, Random random, long count, DateTime now)
    {
        // People are registered with a town or grassroots union, in proportion to how busy it is.
        var units = new WeightedPicker(plan.ByDepth[2].Concat(plan.ByDepth[3]).Select(i => (i, plan.Units[i].Weight)));
        var ids = new Guid[count];
        var names = new string[count];
        var phones = new string[count];
        var counties = new List<int>[plan.CountyCount];
        for (var c = 0; c < counties.Length; c++) counties[c] = [];
        var residentIds = new HashSet<string>();
        var samples = new List<string>();
        var sampleEvery = Math.Max(1, count / 5000);
        var start = now.AddYears(-6);
        await using var connection = await OpenLoaderAsync(connectionString);
        NpgsqlBinaryImporter? writer = null;
        for (var i = 0L; i < count; i++)
        {
            if (i % 500_000 == 0)
            {
                if (writer is not null) { await writer.CompleteAsync(); await writer.DisposeAsync(); }
                writer = await connection.BeginBinaryImportAsync(Copy("people", PersonColumns));
            }
            var unit = plan.Units[units.Pick(random)];
            counties[unit.County].Add((int)i);
            var created = start.AddSeconds(random.NextDouble() * (now - start).TotalSeconds);
            var id = ids[i] = Guid.CreateVersion7(created);
            var name = names[i] = fake.Name();
            var phone = phones[i] = fake.Mobile();
            (string Id, DateOnly BirthDate, bool Male) resident;
            do resident = fake.ResidentId(); while (!residentIds.Add(resident.Id));
            if (i % sampleEvery == 0) samples.Add(resident.Id);
            writer!.StartRow();
            writer.Write(id, NpgsqlDbType.Uuid);
            writer.Write(unit.Id, NpgsqlDbType.Uuid);
            writer.Write(name, NpgsqlDbType.Text);
            writer.Write(phone, NpgsqlDbType.Text);
            writer.Write(fake.Cipher(resident.Id), NpgsqlDbType.Text);
            writer.Write(fake.Hash(resident.Id), NpgsqlDbType.Text);
            writer.Write(Mask.ResidentId(resident.Id), NpgsqlDbType.Text);
            writer.Write(resident.Male ? "male" : "female", NpgsqlDbType.Text);
            writer.Write(resident.BirthDate, NpgsqlDbType.Date);
            writer.Write($"{unit.Name[..Math.Min(unit.Name.Length, 6)]}{random.Next(1, 300)}号", NpgsqlDbType.Text);
            if (random.Next(10) < 6)
            {
                var (bank, account) = fake.BankAccount();
                writer.Write(bank, NpgsqlDbType.Text);
                writer.Write(fake.Cipher(account), NpgsqlDbType.Text);
                writer.Write(Mask.BankAccount(account), NpgsqlDbType.Text);
            }
            else { writer.WriteNull(); writer.WriteNull(); writer.WriteNull(); }
            if (random.Next(10) == 0) writer.Write(fake.Cipher(fake.Health()), NpgsqlDbType.Text); else writer.WriteNull();
            if (random.Next(7) == 0) writer.Write(fake.Cipher(fake.Household()), NpgsqlDbType.Text); else writer.WriteNull();
            writer.Write(created, NpgsqlDbType.TimestampTz);
            writer.Write(created, NpgsqlDbType.TimestampTz);
            writer.Write(1, NpgsqlDbType.Integer);
        }
        await writer!.CompleteAsync();
        await writer.DisposeAsync();
        // The plaintext is never stored: the search bench reads the IDs it looks people up by from this file.
        await File.WriteAllLinesAsync(SampleFile(connectionString), samples);
        Console.Error.WriteLine($"people: {count:N0} ({samples.Count:N0} of their resident IDs in {SampleFile(connectionString)})");
        return new PeopleSet(ids, names, phones, counties.Select(c => c.ToArray()).ToArray());
    }

    internal sealed record EmployerSet(Guid[] Ids, string[] Names, int[][] ByCounty);

    private static readonly string[] EmployerColumns = ["id", "unit_id", "name", "credit_code", "address", "contact_phone", "created_at", "updated_at", "version"];

    private static async Task<EmployerSet> WriteEmployersAsync(string connectionString, UnitPlan plan, FakeData fake, Random random, long count, DateTime now)
    {
        var units = new WeightedPicker(plan.ByDepth[1].Concat(plan.ByDepth[2]).Select(i => (i, plan.Units[i].Weight)));
        var ids = new Guid[count];
        var names = new string[count];
        var counties = new List<int>[plan.CountyCount];
        for (var c = 0; c < counties.Length; c++) counties[c] = [];
        var codes = new HashSet<string>();
        var usedNames = new HashSet<string>();
        var start = now.AddYears(-6);
        await using var connection = await OpenLoaderAsync(connectionString);
        await using var writer = await connection.BeginBinaryImportAsync(Copy("employers", EmployerColumns));
        for (var i = 0L; i < count; i++)
        {
            var unit = plan.Units[units.Pick(random)];
            counties[unit.County].Add((int)i);
            var created = start.AddSeconds(random.NextDouble() * (now - start).TotalSeconds);
            string code;
            do code = fake.CreditCode(); while (!codes.Add(code));
            // Names are unique, as a registration authority keeps them: the hotline finds an employer by name.
            var place = unit.Name[..2];
            string name;
            do name = fake.CompanyName(place); while (!usedNames.Add(name));
            writer.StartRow();
            writer.Write(ids[i] = Guid.CreateVersion7(created), NpgsqlDbType.Uuid);
            writer.Write(unit.Id, NpgsqlDbType.Uuid);
            writer.Write(names[i] = name, NpgsqlDbType.Text);
            writer.Write(code, NpgsqlDbType.Text);
            writer.Write($"杭州市{unit.Name[..3]}{random.Next(1, 999)}号", NpgsqlDbType.Text);
            writer.Write("0571-" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            writer.Write(created, NpgsqlDbType.TimestampTz);
            writer.Write(created, NpgsqlDbType.TimestampTz);
            writer.Write(1, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
        Console.Error.WriteLine($"employers: {count:N0}");
        return new EmployerSet(ids, names, counties.Select(c => c.ToArray()).ToArray());
    }

    private static readonly string[] CaseColumns =
    [
        "id", "number", "unit_id", "family", "status", "priority", "title", "description", "applicant_id", "employer_id",
        "amount_claimed", "amount_approved", "amount_paid", "due_at", "tags", "is_collective", "collective_flagged_at",
        "opened_at", "closed_at", "created_by", "updated_at", "version",
    ];
    private static readonly string[] PartyColumns = ["id", "case_id", "role", "person_id", "employer_id", "amount_claimed", "added_at"];
    private static readonly string[] CallColumns =
    [
        "id", "unit_id", "caller_phone", "caller_name", "person_id", "category", "employer_id", "employer_name", "description",
        "urgency", "outcome", "answer", "case_id", "operator", "received_at", "version",
    ];

    /// <summary>
    /// Cases in the order they were opened (so ids, numbers and the heap follow time, as in a real table), their
    /// parties, the calls that led to them and calls answered directly; then the case counters.
    /// </summary>
    private static async Task<Dictionary<string, long>> WriteCasesAsync(string connectionString, UnitPlan plan, FakeData fake, Random random,
        PeopleSet people, EmployerSet employers, long count, int batchSize, DateTime now, bool withSequence)
    {
        var levels = plan.ByDepth.Select(level => new WeightedPicker(level.Select(i => (i, plan.Units[i].Weight)))).ToArray();
        var familyPicker = new WeightedPicker(Families.Select((f, i) => (i, f.Share)));
        var counters = new Dictionary<(int Unit, int Year), int>();
        var start = now.AddYears(-5);
        var span = (now - start).TotalSeconds;
        long caseRows = 0, partyRows = 0, callRows = 0;
        var china = TimeSpan.FromHours(8);

        await using var caseConnection = await OpenLoaderAsync(connectionString);
        await using var partyConnection = await OpenLoaderAsync(connectionString);
        await using var callConnection = await OpenLoaderAsync(connectionString);
        var batchClock = Stopwatch.StartNew();
        for (var first = 0L; first < count; first += batchSize)
        {
            await using var cases = await caseConnection.BeginBinaryImportAsync(Copy("cases", withSequence ? [.. CaseColumns, "sequence"] : CaseColumns));
            await using var parties = await partyConnection.BeginBinaryImportAsync(Copy("case_parties", PartyColumns));
            await using var calls = await callConnection.BeginBinaryImportAsync(Copy("calls", CallColumns));
            var last = Math.Min(count, first + batchSize);
            for (var i = first; i < last; i++)
            {
                // The case load grows over the years: the density rises linearly from 0.6 to 1.4 of the mean.
                var q = (i + random.NextDouble()) / count;
                var opened = start.AddSeconds(span * (-0.6 + Math.Sqrt(0.36 + 1.6 * q)) / 0.8);
                var familyIndex = familyPicker.Pick(random);
                var family = Families[familyIndex].Family;
                var level = family switch
                {
                    "Hotline" => random.Next(10) < 4 ? 1 : 2,
                    "WageArrears" or "Petition" => random.Next(10) < 3 ? 1 : 2,
                    "Aid" or "Employment" => random.Next(10) < 8 ? 3 : 2,
                    "Mediation" => random.Next(2) == 0 ? 2 : 3,
                    _ => 2,
                };
                var unitIndex = levels[level].Pick(random);
                var unit = plan.Units[unitIndex];
                var year = (opened + china).Year;
                counters[(unitIndex, year)] = counters.TryGetValue((unitIndex, year), out var sequence) ? ++sequence : sequence = 1;
                var number = $"{year}-{unit.Code}-{sequence:D6}";
                var id = Guid.CreateVersion7(opened);

                var countyPeople = people.ByCounty[unit.County];
                var applicant = random.Next(10) == 0 || countyPeople.Length == 0 ? random.Next(people.Ids.Length) : countyPeople[random.Next(countyPeople.Length)];
                var countyEmployers = employers.ByCounty[unit.County];
                int? employer = family switch
                {
                    "WageArrears" => Pick(countyEmployers, employers.Ids.Length, random),
                    "Mediation" when random.Next(10) < 6 => Pick(countyEmployers, employers.Ids.Length, random),
                    "Employment" when random.Next(2) == 0 => Pick(countyEmployers, employers.Ids.Length, random),
                    _ => null,
                };
                var collective = family == "WageArrears" && random.Next(100) < 8;
                // Collective groups: mostly a handful of workers, sometimes dozens (a building site's crew).
                var claimants = collective ? 3 + (int)(Math.Pow(random.NextDouble(), 3) * 45) : 0;
                var ageDays = (now - opened).TotalDays;
                var status = Status(random, ageDays);
                var closed = status is "Closed" or "Rejected" or "Cancelled"
                    ? Min(opened.AddDays(3 + random.NextDouble() * (family == "Hotline" ? 10 : 90)), now)
                    : (DateTime?)null;
                decimal? claimed = family switch
                {
                    "WageArrears" => Money(random, 3_000, 60_000) * Math.Max(1, claimants),
                    "Aid" => Money(random, 500, 20_000),
                    "Mediation" or "LegalAid" when random.Next(2) == 0 => Money(random, 2_000, 100_000),
                    _ => null,
                };
                decimal? approved = claimed is { } c && status == "Closed" && family is "Aid" or "WageArrears" ? Math.Round(c * (decimal)(0.5 + random.NextDouble() / 2), 2) : null;
                var priority = random.Next(100) switch { < 10 => "Low", < 78 => "Normal", < 94 => "High", _ => "Urgent" };
                var applicantName = Mask.Name(people.Names[applicant]);
                var title = family switch
                {
                    "WageArrears" when collective => $"{employers.Names[employer!.Value]}拖欠{claimants}名工人工资",
                    "WageArrears" => $"{applicantName}被{employers.Names[employer!.Value]}拖欠工资",
                    "Hotline" => $"热线诉求：{HotlineTopics[random.Next(HotlineTopics.Length)]}",
                    "Mediation" when employer is not null => $"{applicantName}与{employers.Names[employer.Value]}劳动争议调解",
                    "Mediation" => $"{applicantName}劳动争议调解",
                    "Aid" => $"{applicantName}困难帮扶申请",
                    "LegalAid" => $"{applicantName}法律援助申请",
                    "Employment" => $"{applicantName}就业帮扶",
                    _ => $"{applicantName}来访诉求",
                };

                cases.StartRow();
                cases.Write(id, NpgsqlDbType.Uuid);
                cases.Write(number, NpgsqlDbType.Text);
                cases.Write(unit.Id, NpgsqlDbType.Uuid);
                cases.Write(family, NpgsqlDbType.Text);
                cases.Write(status, NpgsqlDbType.Text);
                cases.Write(priority, NpgsqlDbType.Text);
                cases.Write(title, NpgsqlDbType.Text);
                if (random.Next(3) == 0) cases.WriteNull(); else cases.Write("来电/来访人反映情况，已登记，待核实。", NpgsqlDbType.Text);
                cases.Write(people.Ids[applicant], NpgsqlDbType.Uuid);
                if (employer is { } e) cases.Write(employers.Ids[e], NpgsqlDbType.Uuid); else cases.WriteNull();
                Nullable(cases, claimed, NpgsqlDbType.Numeric);
                Nullable(cases, approved, NpgsqlDbType.Numeric);
                Nullable(cases, approved is { } a && random.Next(10) < 8 ? a : (decimal?)null, NpgsqlDbType.Numeric);
                Nullable(cases, closed is null ? opened.AddDays(family == "Hotline" ? 7 : 60) : (DateTime?)null, NpgsqlDbType.TimestampTz);
                cases.Write(random.Next(8) == 0 ? TagChoices[random.Next(TagChoices.Length)] : "", NpgsqlDbType.Text);
                cases.Write(collective, NpgsqlDbType.Boolean);
                Nullable(cases, collective && claimants >= 10 ? opened.AddDays(random.Next(1, 10)) : (DateTime?)null, NpgsqlDbType.TimestampTz);
                cases.Write(opened, NpgsqlDbType.TimestampTz);
                Nullable(cases, closed, NpgsqlDbType.TimestampTz);
                cases.Write(unit.Operator, NpgsqlDbType.Text);
                cases.Write(closed ?? Min(opened.AddDays(random.Next(0, 30)), now), NpgsqlDbType.TimestampTz);
                cases.Write(1, NpgsqlDbType.Integer);
                if (withSequence) cases.Write(sequence, NpgsqlDbType.Integer);
                caseRows++;

                partyRows += Party(parties, id, "Applicant", people.Ids[applicant], null, collective ? claimed / claimants : claimed, opened);
                if (employer is { } respondent) partyRows += Party(parties, id, "Respondent", null, employers.Ids[respondent], null, opened);
                for (var k = 1; k < claimants; k++)
                {
                    var claimant = countyPeople.Length == 0 ? random.Next(people.Ids.Length) : countyPeople[random.Next(countyPeople.Length)];
                    partyRows += Party(parties, id, "Claimant", people.Ids[claimant], null, claimed / claimants, opened.AddDays(random.Next(0, 20)));
                    // A third of the other claimants called in themselves and were added to the group.
                    if (random.Next(3) == 0)
                        callRows += Call(calls, random, unit, people.Phones[claimant], people.Names[claimant], people.Ids[claimant], "wage_arrears",
                            employers.Ids[employer!.Value], employers.Names[employer.Value], "AddedToCase", id, opened.AddDays(random.Next(0, 20)));
                }
                if (random.Next(33) == 0) partyRows += Party(parties, id, "Representative", people.Ids[random.Next(people.Ids.Length)], null, null, opened);

                // Every hotline case and half the wage-arrears cases began with a call.
                if (family == "Hotline" || (family == "WageArrears" && random.Next(2) == 0))
                {
                    callRows += Call(calls, random, unit, people.Phones[applicant], people.Names[applicant], people.Ids[applicant],
                        family == "Hotline" ? "other" : "wage_arrears",
                        employer is { } ce ? employers.Ids[ce] : null, employer is { } cn ? employers.Names[cn] : null, "CaseOpened", id,
                        opened.AddMinutes(-random.Next(2, 30)));
                }
                // Calls answered directly, about one for every eight cases: half from people already known.
                if (random.Next(8) == 0)
                {
                    var known = random.Next(2) == 0;
                    var caller = countyPeople.Length == 0 ? random.Next(people.Ids.Length) : countyPeople[random.Next(countyPeople.Length)];
                    callRows += Call(calls, random, plan.Units[levels[random.Next(3) == 0 ? 1 : 2].Pick(random)],
                        known ? people.Phones[caller] : fake.Mobile(), known ? people.Names[caller] : random.Next(2) == 0 ? fake.Name() : null,
                        known ? people.Ids[caller] : null, CallCategories[random.Next(CallCategories.Length)], null, null, "Answered", null, opened);
                }
            }
            await cases.CompleteAsync();
            await parties.CompleteAsync();
            await calls.CompleteAsync();
            Console.Error.WriteLine($"cases: {last:N0} of {count:N0} ({caseRows + partyRows + callRows:N0} rows with parties and calls, {(caseRows + partyRows + callRows) / batchClock.Elapsed.TotalSeconds:N0} rows/s)");
        }

        // The service numbers new cases from these: the next number after the generated ones, per unit and year.
        await using (var writer = await caseConnection.BeginBinaryImportAsync(Copy("case_counters", ["unit_id", "year", "next_value"])))
        {
            foreach (var ((unitIndex, year), last) in counters)
            {
                writer.StartRow();
                writer.Write(plan.Units[unitIndex].Id, NpgsqlDbType.Uuid);
                writer.Write(year, NpgsqlDbType.Integer);
                writer.Write(last + 1, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        return new Dictionary<string, long> { ["cases"] = caseRows, ["case_parties"] = partyRows, ["calls"] = callRows, ["case_counters"] = counters.Count };
    }

    /// <summary>Old cases are nearly all finished; recent ones are mostly open or in progress.</summary>
    private static string Status(Random random, double ageDays)
    {
        var roll = random.Next(100);
        if (ageDays > 180) return roll switch { < 86 => "Closed", < 93 => "Rejected", < 97 => "Cancelled", _ => "Suspended" };
        if (ageDays > 30) return roll switch { < 15 => "Open", < 50 => "InProgress", < 56 => "Suspended", < 90 => "Closed", < 96 => "Rejected", _ => "Cancelled" };
        return roll switch { < 40 => "Open", < 80 => "InProgress", < 83 => "Suspended", < 95 => "Closed", < 98 => "Rejected", _ => "Cancelled" };
    }

    private static int Party(NpgsqlBinaryImporter writer, Guid caseId, string role, Guid? person, Guid? employer, decimal? amount, DateTime at)
    {
        writer.StartRow();
        writer.Write(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
        writer.Write(caseId, NpgsqlDbType.Uuid);
        writer.Write(role, NpgsqlDbType.Text);
        Nullable(writer, person, NpgsqlDbType.Uuid);
        Nullable(writer, employer, NpgsqlDbType.Uuid);
        Nullable(writer, amount is { } a ? Math.Round(a, 2) : (decimal?)null, NpgsqlDbType.Numeric);
        writer.Write(at, NpgsqlDbType.TimestampTz);
        return 1;
    }

    private static int Call(NpgsqlBinaryImporter writer, Random random, PlannedUnit unit, string phone, string? name, Guid? person, string category,
        Guid? employerId, string? employerName, string outcome, Guid? caseId, DateTime at)
    {
        writer.StartRow();
        writer.Write(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
        writer.Write(unit.Id, NpgsqlDbType.Uuid);
        writer.Write(phone, NpgsqlDbType.Text);
        Nullable(writer, name, NpgsqlDbType.Text);
        Nullable(writer, person, NpgsqlDbType.Uuid);
        writer.Write(category, NpgsqlDbType.Text);
        Nullable(writer, employerId, NpgsqlDbType.Uuid);
        Nullable(writer, employerName, NpgsqlDbType.Text);
        writer.Write(category == "wage_arrears" ? "反映单位拖欠工资，要求协调解决。" : "来电咨询相关政策和办理流程。", NpgsqlDbType.Text);
        writer.Write(random.Next(100) switch { < 85 => "Normal", < 97 => "Urgent", _ => "Emergency" }, NpgsqlDbType.Text);
        writer.Write(outcome, NpgsqlDbType.Text);
        Nullable(writer, outcome == "Answered" ? "已解答，告知办理渠道。" : null, NpgsqlDbType.Text);
        Nullable(writer, caseId, NpgsqlDbType.Uuid);
        writer.Write(unit.Operator, NpgsqlDbType.Text);
        writer.Write(at, NpgsqlDbType.TimestampTz);
        writer.Write(1, NpgsqlDbType.Integer);
        return 1;
    }

    private static int Pick(int[] bucket, int all, Random random) => bucket.Length == 0 ? random.Next(all) : bucket[random.Next(bucket.Length)];

    private static decimal Money(Random random, int low, int high) => Math.Round((decimal)(low + random.NextDouble() * (high - low)), 2);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) writer.Write(v, type); else writer.WriteNull();
    }

    private static void Nullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null) writer.WriteNull(); else writer.Write(value, type);
    }

    /// <summary>Where the generator leaves sample resident IDs for the search bench: the temp folder, one file per database.</summary>
    public static string SampleFile(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return Path.Combine(Path.GetTempPath(), $"caseflow-bench-{builder.Host}-{builder.Port}-{builder.Database}.resident-ids.txt");
    }

    private static string Copy(string table, string[] columns) => $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>A loader session: its batches need not wait for the WAL flush (the data is checkpointed at the end).</summary>
    private static async Task<NpgsqlConnection> OpenLoaderAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SET synchronous_commit = off", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
