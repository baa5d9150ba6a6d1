using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CaseFlow.Bench.Generation;

/// <summary>
/// Over HTTP against the real service (a child process on the generated database): case search in the shapes the
/// UI uses, and the hotline round trip (caller history, log the call, turn it into a case). Targets are sampled
/// from the database before the service starts. Latencies are per request, one client unless <c>--clients</c> says
/// otherwise; the service is warmed up per shape first.
/// </summary>
internal static class CaseBenches
{
    public static async Task<int> SearchAsync(string[] args)
    {
        var connection = Options.Get(args, "--connection") ?? throw new ArgumentException("--connection is required (PostgreSQL)");
        var requests = int.Parse(Options.Get(args, "--requests") ?? "200", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Options.Get(args, "--warmup") ?? "20", CultureInfo.InvariantCulture);
        var only = Options.Get(args, "--shapes")?.Split(',');
        // --town: search as a case worker of the busiest town (its subtree only), with targets from that subtree;
        // otherwise as the first-run administrator, who sees every unit.
        var town = Options.Has(args, "--town") ? await BusiestTownAsync(connection) : null;
        var samples = await Samples.ReadAsync(connection, requests + warmup, Options.Get(args, "--samples"), town?.Path);

        await using var node = await ServiceNode.StartAsync("postgres", connection);
        var client = await AuthorizeAsync(node, args);
        if (town is not null) client = await TownClientAsync(node, client, town.Value.Id);
        var cases = await CountAsync(connection, "SELECT count(*) FROM cases");
        var random = new Random(7);
        // The UI's searches (Cases/CaseSearch.cs: GET /api/cases), and the resident ID, which is looked up among
        // people (POST /api/people/search: the number stays out of URLs and logs) before their cases are listed.
        var shapes = new (string Name, Func<int, HttpRequestMessage> Request)[]
        {
            ("number", i => Get($"number={Uri.EscapeDataString(samples.Numbers[i % samples.Numbers.Count])}")),
            ("phone", i => Get($"phone={samples.Phones[i % samples.Phones.Count]}")),
            ("residentId", i => new HttpRequestMessage(HttpMethod.Post, "/api/people/search")
            {
                Content = JsonContent.Create(new { residentId = samples.ResidentIds[i % samples.ResidentIds.Count], page = 1, pageSize = 20 }),
            }),
            ("namePrefix", i => Get($"person={Uri.EscapeDataString(samples.NamePrefixes[i % samples.NamePrefixes.Count])}")),
            ("unitAndStatus", i => Get($"unitId={samples.Towns[i % samples.Towns.Count]}&status={(i % 2 == 0 ? "Open" : "InProgress")}")),
            ("dateRange", i =>
            {
                var from = DateTime.UtcNow.AddDays(-random.Next(7, 5 * 365)).Date;
                return Get($"openedFrom={from:yyyy-MM-dd}&openedTo={from.AddDays(6):yyyy-MM-dd}");
            }),
            ("employerPrefix", i => Get($"employer={Uri.EscapeDataString(samples.EmployerPrefixes[i % samples.EmployerPrefixes.Count])}")),
        };
        var failures = 0;
        foreach (var (name, request) in shapes.Where(s => only is null || only.Contains(s.Name)))
        {
            var latencies = new List<double>();
            var errors = new Dictionary<int, int>();
            string? firstError = null;
            long rows = 0;
            for (var i = 0; i < warmup + requests; i++)
            {
                using var message = request(i);
                var url = message.RequestUri!.ToString();
                var at = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    errors[(int)response.StatusCode] = errors.GetValueOrDefault((int)response.StatusCode) + 1;
                    firstError ??= $"{url} -> {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}";
                    continue;
                }
                if (i < warmup) continue;
                latencies.Add(elapsed);
                rows += ItemCount(body);
            }
            if (firstError is not null) { failures++; Console.Error.WriteLine($"{name}: {firstError}"); }
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "case-search", shape = name, cases, actor = town is null ? "admin (root)" : $"caseworker ({town.Value.Code}, {town.Value.Cases} cases)",
                requests = latencies.Count,
                p50Ms = Percentile(latencies, 0.50), p95Ms = Percentile(latencies, 0.95), p99Ms = Percentile(latencies, 0.99),
                maxMs = latencies.Count == 0 ? 0 : Math.Round(latencies.Max(), 2),
                meanItems = latencies.Count == 0 ? 0 : Math.Round((double)rows / latencies.Count, 1), errors,
            }));
        }
        return failures == 0 ? 0 : 1;
    }

    public static async Task<int> HotlineAsync(string[] args)
    {
        var connection = Options.Get(args, "--connection") ?? throw new ArgumentException("--connection is required (PostgreSQL)");
        var calls = int.Parse(Options.Get(args, "--calls") ?? "300", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Options.Get(args, "--warmup") ?? "20", CultureInfo.InvariantCulture);
        var operators = int.Parse(Options.Get(args, "--operators") ?? "1", CultureInfo.InvariantCulture);
        var samples = await Samples.ReadAsync(connection, calls + warmup, Options.Get(args, "--samples"));
        var cases = await CountAsync(connection, "SELECT count(*) FROM cases");

        await using var node = await ServiceNode.StartAsync("postgres", connection);
        var client = await AuthorizeAsync(node, args);
        // --deploy: processes the families start that the service has not deployed itself (e.g. hotline-triage.bpmn).
        foreach (var file in (Options.Get(args, "--deploy") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            using var deployed = await client.PostAsync("/api/definitions", new StringContent(File.ReadAllText(file), System.Text.Encoding.UTF8, "application/xml"));
            Console.Error.WriteLine($"deployed {Path.GetFileName(file)}: {(int)deployed.StatusCode}");
        }
        // New callers must be new on every run (a rerun on the same database would otherwise call the numbers the
        // last run filed, under other names), and Random is not thread-safe: one source per operator, seeded per run.
        var runSeed = Environment.TickCount;
        var steps = new[] { "history", "log", "toCase", "roundTrip" };
        var latencies = steps.ToDictionary(s => s, _ => new System.Collections.Concurrent.ConcurrentBag<double>());
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, operators).Select(o => Task.Run(async () =>
        {
            var fake = new FakeData(new Random(runSeed + o), id => id, null);
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= warmup + calls) return;
                if (i == warmup) clock.Restart();
                // Seven callers in ten have called or had a case before; the rest are new numbers.
                var known = i % 10 < 7;
                var phone = known ? samples.Phones[i % samples.Phones.Count] : fake.Mobile();
                var category = (i % 4) switch { 0 or 1 => "wage_arrears", 2 => "legal_advice", _ => "other" };
                var timings = new double[3];
                var start = Stopwatch.GetTimestamp();

                var at = Stopwatch.GetTimestamp();
                using (var history = await client.GetAsync($"/api/hotline/callers/{phone}/history"))
                {
                    if (!await Check(history, "history", failures)) continue;
                }
                timings[0] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;

                at = Stopwatch.GetTimestamp();
                using var logged = await client.PostAsJsonAsync("/api/hotline/calls", new
                {
                    callerPhone = phone, callerName = known ? null : fake.Name(), category,
                    employerName = category == "wage_arrears" ? samples.EmployerNames[i % samples.EmployerNames.Count] : null,
                    description = category == "wage_arrears" ? "反映单位拖欠三个月工资，要求协调。" : "咨询劳动合同解除的补偿标准。",
                    urgency = i % 10 == 0 ? "Urgent" : "Normal", unitId = samples.Towns[i % samples.Towns.Count],
                });
                if (!await Check(logged, "log", failures)) continue;
                var call = await logged.Content.ReadFromJsonAsync<JsonElement>();
                timings[1] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;

                at = Stopwatch.GetTimestamp();
                using var routed = await client.PostAsJsonAsync($"/api/hotline/calls/{call.GetProperty("id").GetGuid()}/case",
                    new { version = call.GetProperty("version").GetInt32(), amountClaimed = category == "wage_arrears" ? 12000m : (decimal?)null });
                if (!await Check(routed, "toCase", failures)) continue;
                timings[2] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                if (i < warmup) continue;
                latencies["history"].Add(timings[0]);
                latencies["log"].Add(timings[1]);
                latencies["toCase"].Add(timings[2]);
                latencies["roundTrip"].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var failure in failures.Take(5)) Console.Error.WriteLine(failure);
        var done = latencies["roundTrip"].Count;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "hotline-round-trip", cases, operators, calls = done, failed = failures.Count,
            roundTripsPerSecond = Math.Round(done / seconds, 1),
            steps = steps.ToDictionary(s => s, s => new
            {
                p50Ms = Percentile(latencies[s].ToList(), 0.50), p95Ms = Percentile(latencies[s].ToList(), 0.95),
                p99Ms = Percentile(latencies[s].ToList(), 0.99), maxMs = latencies[s].IsEmpty ? 0 : Math.Round(latencies[s].Max(), 2),
            }),
        }));
        return failures.IsEmpty ? 0 : 1;
    }

    private static async Task<(Guid Id, string Code, string Path, long Cases)?> BusiestTownAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT t.id, t.code, t.path, count(*) FROM units t JOIN units u ON u.path LIKE t.path || '%' JOIN cases c ON c.unit_id = u.id
            WHERE t.depth = 2 GROUP BY t.id, t.code, t.path ORDER BY count(*) DESC LIMIT 1
            """, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
    }

    /// <summary>An API token for the town's case workers, issued by the administrator as an integration's would be.</summary>
    private static async Task<HttpClient> TownClientAsync(ServiceNode node, HttpClient admin, Guid townId)
    {
        using var issued = await admin.PostAsJsonAsync("/api/tokens", new { name = "bench-town", unitId = townId, roles = new[] { "caseworker", "operator" } });
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        if (!issued.IsSuccessStatusCode) throw new InvalidOperationException($"token for the town: {(int)issued.StatusCode} {body}");
        var client = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("secret").GetString());
        return client;
    }

    private static HttpRequestMessage Get(string query) => new(HttpMethod.Get, $"/api/cases?{query}&page=1&pageSize=20");

    private static async Task<bool> Check(HttpResponseMessage response, string step, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        if (response.IsSuccessStatusCode) return true;
        var body = await response.Content.ReadAsStringAsync();
        failures.Enqueue($"{step}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} -> {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        return false;
    }

    /// <summary><c>--token</c>: an API token (Bearer) for the service; without one, the requests go unauthenticated.</summary>
    private static Task<HttpClient> AuthorizeAsync(ServiceNode node, string[] args)
    {
        if (Options.Get(args, "--token") is { } token) node.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Task.FromResult(node.Client);
    }

    private static int ItemCount(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array) return root.GetArrayLength();
        foreach (var name in new[] { "items", "cases", "results" })
        {
            if (root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array) return items.GetArrayLength();
        }
        return 0;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return Math.Round(values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)], 2);
    }

    /// <summary>Search targets sampled from the generated database (resident IDs from the generator's sample file).</summary>
    internal sealed record Samples(List<string> Numbers, List<string> Phones, List<string> ResidentIds, List<string> NamePrefixes,
        List<string> Towns, List<string> EmployerNames, List<string> EmployerPrefixes)
    {
        public static async Task<Samples> ReadAsync(string connectionString, int count, string? residentIdFile, string? scopePath = null)
        {
            if (scopePath is not null) return await ReadScopedAsync(connectionString, count, residentIdFile, scopePath);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            // setseed: the same targets for the same database in every run, so runs compare.
            await using (var seed = new NpgsqlCommand("SELECT setseed(0.42)", connection)) await seed.ExecuteNonQueryAsync();
            var numbers = await ListAsync(connection, $"SELECT number FROM cases TABLESAMPLE SYSTEM (1) REPEATABLE (42) ORDER BY random() LIMIT {count}");
            var phones = await ListAsync(connection,
                $"SELECT p.phone FROM cases c TABLESAMPLE SYSTEM (1) REPEATABLE (43) JOIN people p ON p.id = c.applicant_id ORDER BY random() LIMIT {count}");
            var prefixes = await ListAsync(connection,
                $"SELECT left(name, 2) FROM people TABLESAMPLE SYSTEM (1) REPEATABLE (44) WHERE length(name) >= 3 ORDER BY random() LIMIT {count}");
            var towns = await ListAsync(connection, $"SELECT id::text FROM units WHERE depth = 2 ORDER BY random() LIMIT {count}");
            var employers = await ListAsync(connection, $"SELECT name FROM employers TABLESAMPLE SYSTEM (10) REPEATABLE (45) ORDER BY random() LIMIT {count}");
            var file = residentIdFile ?? CaseGenerator.SampleFile(connectionString);
            var residentIds = File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length == 18).ToList() : [];
            if (residentIds.Count == 0) throw new InvalidOperationException($"No resident IDs in {file}: generate the database with this bench first, or pass --samples.");
            return new Samples(numbers, phones, residentIds, prefixes, towns, employers, employers.Select(e => e[..Math.Min(4, e.Length)]).Distinct().ToList());
        }

        /// <summary>Targets inside one subtree (whole-table scans: slower to sample, fine at these sizes).</summary>
        private static async Task<Samples> ReadScopedAsync(string connectionString, int count, string? residentIdFile, string path)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var seed = new NpgsqlCommand("SELECT setseed(0.42)", connection)) await seed.ExecuteNonQueryAsync();
            var inScope = $"JOIN units u ON u.id = c.unit_id AND u.path LIKE '{path.Replace("'", "''")}%'";
            var numbers = await ListAsync(connection, $"SELECT c.number FROM cases c {inScope} ORDER BY random() LIMIT {count}");
            var phones = await ListAsync(connection, $"SELECT p.phone FROM cases c {inScope} JOIN people p ON p.id = c.applicant_id ORDER BY random() LIMIT {count}");
            var prefixes = await ListAsync(connection, $"SELECT left(p.name, 2) FROM cases c {inScope} JOIN people p ON p.id = c.applicant_id WHERE length(p.name) >= 3 ORDER BY random() LIMIT {count}");
            var units = await ListAsync(connection, $"SELECT id::text FROM units WHERE path LIKE '{path.Replace("'", "''")}%' ORDER BY random() LIMIT {count}");
            var employers = await ListAsync(connection, $"SELECT e.name FROM cases c {inScope} JOIN employers e ON e.id = c.employer_id ORDER BY random() LIMIT {count}");
            var all = await ReadAsync(connectionString, 1, residentIdFile);
            return new Samples(numbers, phones, all.ResidentIds, prefixes, units, employers, employers.Select(e => e[..Math.Min(4, e.Length)]).Distinct().ToList());
        }

        private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync()) values.Add(reader.GetString(0));
            return values;
        }
    }
}
