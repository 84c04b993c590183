using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CopPortal.Benchmarks;
using CopPortal.Domain.Links;

// The portal benchmark: generates a network at scale, starts the published portal (Release) on it, and
// drives pages with wrk on loopback. Every figure is also given as a ratio of the "floor" page's
// throughput (one EF query for 12 rows, rendered), so results compare across noisy machines.
// Usage (see README): bash tests/CopPortal.Benchmarks/run.sh [--scale 1] [--duration 10] [--warmup 15] [--rounds 3] [--connections 16] [--compare-10x]
// --generate-only: seed and generate the data of each scale, print the time of each phase and check the data, measure no pages.
var settings = Settings.Parse(args);
if (args.Contains("--mail"))
{
    // Mail throughput instead of pages: run.sh --mail [--mail-count 10000]
    var mailCount = int.Parse(Settings.Value(args, "--mail-count", "10000"), CultureInfo.InvariantCulture);
    return await MailThroughput.RunAsync(settings.PortalDll, settings.WorkDirectory, settings.Port, mailCount);
}
var culture = CultureInfo.InvariantCulture;
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB; wrk -t2 -c{settings.Connections}, {settings.Rounds} rounds of {settings.Duration} s per page after {settings.Warmup} s untimed; SQLite; {DateTime.UtcNow:yyyy-MM-dd}");
var scales = settings.Compare10x ? new[] { settings.Scale, settings.Scale * 10 } : new[] { settings.Scale };
var p95ByScale = new Dictionary<double, Dictionary<string, double>>();
var generationFailed = false;

foreach (var scale in scales)
{
    var dataDir = Path.GetFullPath(Path.Combine(settings.WorkDirectory, $"data-{scale.ToString(culture)}x"));
    if (Directory.Exists(dataDir))
    {
        Directory.Delete(dataDir, recursive: true);
    }
    Directory.CreateDirectory(dataDir);

    // 1. Migrations, reference data and the demo accounts (the staff account signs in for staff pages).
    await using (var seed = Portal.Start(settings.PortalDll, dataDir, settings.Port, demo: true))
    {
        await seed.WaitHealthyAsync();
    }

    // 2. The generated network.
    var databasePath = Path.Combine(dataDir, "copportal.db");
    var indexesBefore = settings.GenerateOnly ? GenerationCheck.Indexes(databasePath) : [];
    var rowsBefore = settings.GenerateOnly ? GenerationCheck.RowCounts(databasePath) : [];
    var generator = new DataGenerator(databasePath, scale, settings.BulkApprove);
    var summary = generator.Generate(DateTimeOffset.UtcNow);
    Console.WriteLine($"Generated {summary.Communities} CoPs, {summary.People} people, {summary.Memberships} memberships, {summary.JoinRequests} join requests ({summary.Pending} pending) in {summary.Elapsed.TotalSeconds:F1}s; largest CoP {summary.LargestSlug} has {summary.LargestMembers} members");
    if (settings.GenerateOnly)
    {
        // --generate-only: time and check the generation, measure nothing.
        report.AppendLine(CultureInfo.InvariantCulture, $"Scale {scale.ToString(culture)}x generated in {generator.Clock.Total.TotalSeconds:F1} s ({generator.Clock.TotalCpu.TotalSeconds:F1} s processor):");
        generator.Clock.Phases.ForEach(p => report.AppendLine(PhaseClock.Format(p)));
        report.AppendLine("Rows in every table:");
        foreach (var (table, rows) in GenerationCheck.RowCounts(databasePath))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {table}: {rows}");
        }
        var problems = GenerationCheck.Problems(databasePath, indexesBefore, rowsBefore, generator.Generated);
        problems.ForEach(p => report.AppendLine("PROBLEM: " + p));
        report.AppendLine(problems.Count == 0 ? "Checks passed: row counts, indexes as migrations made them, integrity_check ok, WAL, forum counters." : $"{problems.Count} checks failed.");
        generationFailed |= problems.Count > 0;
        continue;
    }

    // 3. Measure.
    await using var portal = Portal.Start(settings.PortalDll, dataDir, settings.Port, demo: false);
    await portal.WaitHealthyAsync();
    var cookie = await portal.SignInAsync("staff@demo.nhs.uk", "CopPortal-demo-2026");
    var pages = new List<(string Name, string Path, bool Staff)>
    {
        ("Floor (12 rows, one query)", "/bench/floor", false),
        ("/communities (first page)", "/communities", false),
        ("/communities?q=wellbeing+practitioner", "/communities?q=wellbeing+practitioner", false),
        ("Community page (largest CoP)", $"/communities/{summary.LargestSlug}", false),
        ("/staff/join-requests (staff)", "/staff/join-requests", true),
        ("Join request review (staff)", $"/staff/join-requests/{summary.SamplePendingRequestId}", true),
        ("/my/data (signed in)", "/my/data", true),
        ("/privacy (retention periods from configuration)", "/privacy", false),
        ("/my (staff home page: the week's counts)", "/my", true),
        ("/ground-rules (staff-edited text)", "/ground-rules", false),
        ("/staff/people?q=<an email address> (staff)", "/staff/people?q=person4242%40bench.nhs.uk", true),
        ("/staff/people?q=smith (staff)", "/staff/people?q=smith", true),
        ("/staff/audit (staff, first page)", "/staff/audit", true),
        ("/staff/audit?entity=Community (staff)", "/staff/audit?entity=Community", true),
        // The demo's open poll is the first poll in the database (DemoParticipation).
        ("Poll to find a date (demo practitioners, staff)", "/communities/psychological-practitioners/meetings/polls/1", true),
        ("Library (largest CoP, staff)", $"/communities/{summary.LargestSlug}/library", true),
        ("Actions (largest CoP, staff)", $"/communities/{summary.LargestSlug}/actions", true),
        ("Forum index (busiest CoP)", $"/communities/{generator.Forum!.Slug}/forum", true),
        ("Forum thread (100 posts, page 3 of 5)", $"/communities/{generator.Forum!.Slug}/forum/threads/{generator.Forum!.LongThreadId}?p=3", true),
        ("Forum search (busiest CoP)", $"/communities/{generator.Forum!.Slug}/forum?q=supervision", true),
        ("/council/escalations (5,000 points; staff)", "/council/escalations", true),
        ("/council (Triple-A dashboard over 5,000 points; staff)", "/council", true),
        ("Meetings list (largest CoP; staff)", PortalPaths.Meetings(summary.LargestSlug), true),
        ("Meeting page (300 replies; staff)", PortalPaths.Meeting(summary.LargestSlug, generator.Meetings!.UpcomingMeetingId), true),
        ("Agenda (10 items; staff)", PortalPaths.MeetingAgenda(summary.LargestSlug, generator.Meetings!.HeldMeetingId), true),
        ("Minutes (10 items, 10 actions, 60 attendees; staff)", PortalPaths.MeetingMinutes(summary.LargestSlug, generator.Meetings!.HeldMeetingId), true),
        ("Minutes PDF (cached per revision; staff)", PortalPaths.MeetingMinutesPdf(summary.LargestSlug, generator.Meetings!.HeldMeetingId), true),
        ("/council/minutes (shared minutes; staff)", PortalPaths.CouncilMinutes, true),
        ("/staff/equality (equality report, aggregated in SQL)", PortalPaths.StaffEquality, true),
    };

    // Warm every page first, untimed, so the JIT has finished tiering up its code and pools are warm: with only
    // 3 s the tiered compiler was still busy during the timed run of the larger pages (a quarter of the CPU in a
    // profile), which measured start-up rather than the steady state.
    var measured = new List<(string Name, string Path, bool Staff)>();
    // Markers for whoever shares the machine (a script can pause other work while the timed part runs).
    Console.WriteLine("MEASURE-START");
    foreach (var (name, path, staff) in pages.Where(p => settings.Only.Count == 0 || p.Name.StartsWith("Floor", StringComparison.Ordinal) || settings.Only.Any(o => p.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
    {
        if (staff)
        {
            // A browser stores the cookie the portal refreshes once a minute (security stamp check); wrk cannot,
            // so sign in afresh before each signed-in run rather than measure a re-validation on every request.
            cookie = await portal.SignInAsync("staff@demo.nhs.uk", "CopPortal-demo-2026");
        }
        var status = await portal.WarmUpAsync(path, staff ? cookie : null, 200);
        if (status != HttpStatusCode.OK)
        {
            Console.WriteLine($"SKIP {name}: {path} answered {(int)status}");
            continue;
        }
        Wrk.Run(portal.BaseUrl + path, staff ? cookie : null, settings.Connections, settings.Warmup, settings.LuaScript);
        measured.Add((name, path, staff));
    }

    // Timed rounds: each round runs every page once, the floor first. A shared machine's speed drifts over
    // minutes, so each page's ratio is taken to the floor of its own round, and the medians of the rounds are
    // reported, with the spread of p95 across rounds to show how steady the figures were.
    var runs = measured.ToDictionary(m => m.Name, _ => new List<WrkResult>());
    var ratios = measured.ToDictionary(m => m.Name, _ => new List<double>());
    for (var round = 1; round <= settings.Rounds; round++)
    {
        WrkResult? roundFloor = null;
        foreach (var (name, path, staff) in measured)
        {
            if (staff)
            {
                cookie = await portal.SignInAsync("staff@demo.nhs.uk", "CopPortal-demo-2026");
            }
            var result = Wrk.Run(portal.BaseUrl + path, staff ? cookie : null, settings.Connections, settings.Duration, settings.LuaScript);
            roundFloor ??= name.StartsWith("Floor", StringComparison.Ordinal) ? result : null;
            runs[name].Add(result);
            ratios[name].Add(roundFloor is null ? double.NaN : result.RequestsPerSecond / roundFloor.RequestsPerSecond);
            Console.WriteLine($"Round {round}, {name}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50:F2} ms, p95 {result.P95:F2} ms, p99 {result.P99:F2} ms, non-2xx {result.Non2xx}, errors {result.Errors}");
        }
    }
    var (rssMb, peakMb) = portal.Memory();

    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"### Scale {scale.ToString(culture)}x: {summary.Communities} CoPs, {summary.People:N0} people, {summary.Memberships:N0} memberships, {summary.JoinRequests:N0} join requests ({summary.Pending:N0} pending); generated in {summary.Elapsed.TotalSeconds:F0} s");
    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"Medians of {settings.Rounds} rounds; × floor is each round's ratio to that round's floor, then the median.");
    report.AppendLine();
    report.AppendLine("| page | requests/s | × floor | p50 ms | p95 ms | p99 ms | p95 in each round | non-2xx |");
    report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
    p95ByScale[scale] = [];
    foreach (var (name, _, _) in measured)
    {
        var results = runs[name];
        var p95 = Median(results.Select(r => r.P95));
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(results.Select(r => r.RequestsPerSecond)):F0} | {Median(ratios[name]):F2} | {Median(results.Select(r => r.P50)):F2} | {p95:F2} | {Median(results.Select(r => r.P99)):F2} | {string.Join(", ", results.Select(r => r.P95.ToString("F1", culture)))} | {results.Sum(r => r.Non2xx)} |");
        p95ByScale[scale][name] = p95;
    }
    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"Portal resident memory after the run: {rssMb} MB (peak {peakMb} MB).");

    if (settings.BulkApprove > 0)
    {
        var bulk = await portal.TimeBulkApproveAsync(summary.BulkCommunityId);
        report.AppendLine(CultureInfo.InvariantCulture, $"Bulk approval of {bulk.Count} all-Met requests through /staff/join-requests/bulk-approve (memberships, audit and emails into the outbox): {bulk.Elapsed.TotalMilliseconds:F0} ms.");
    }
    Console.WriteLine("MEASURE-END");
}

if (settings.GenerateOnly)
{
    Console.WriteLine(report);
    return generationFailed ? 1 : 0;
}

if (p95ByScale.Count == 2)
{
    var small = p95ByScale[scales[0]];
    var large = p95ByScale[scales[1]];
    report.AppendLine();
    report.AppendLine("### p95 at 10x data relative to 1x");
    report.AppendLine();
    report.AppendLine("| page | p95 1x ms | p95 10x ms | ratio |");
    report.AppendLine("| --- | ---: | ---: | ---: |");
    foreach (var (name, p95) in small)
    {
        if (large.TryGetValue(name, out var bigger))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {p95:F2} | {bigger:F2} | {bigger / p95:F2} |");
        }
    }
}

var output = Path.Combine(settings.WorkDirectory, "results.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {output}");
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Settings(string PortalDll, string WorkDirectory, double Scale, int Duration, int Warmup, int Connections, bool Compare10x, int Port, string LuaScript, int BulkApprove, int Rounds, IReadOnlyList<string> Only)
{
    /// <summary>--generate-only: seed and generate each scale, print the phase timings and checks, measure no pages.</summary>
    public bool GenerateOnly { get; init; }

    public static string Value(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static Settings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        return new Settings(
            Value("--portal", "artifacts/bench/portal/CopPortal.Web.dll"),
            Value("--work", "artifacts/bench"),
            double.Parse(Value("--scale", "1"), CultureInfo.InvariantCulture),
            int.Parse(Value("--duration", "10"), CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup", "15"), CultureInfo.InvariantCulture),
            int.Parse(Value("--connections", "16"), CultureInfo.InvariantCulture),
            args.Contains("--compare-10x"),
            int.Parse(Value("--port", "5390"), CultureInfo.InvariantCulture),
            Path.Combine(AppContext.BaseDirectory, "percentiles.lua"),
            int.Parse(Value("--bulk-approve", "200"), CultureInfo.InvariantCulture),
            Math.Max(1, int.Parse(Value("--rounds", "3"), CultureInfo.InvariantCulture)),
            // --only "Forum,Minutes": measure just the pages whose names contain these (the floor always runs).
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            GenerateOnly = args.Contains("--generate-only"),
        };
    }
}

internal sealed record WrkResult(double RequestsPerSecond, double P50, double P95, double P99, long Requests, long Errors, long Non2xx);

internal static partial class Wrk
{
    public static WrkResult Run(string url, string? cookie, int connections, int seconds, string lua)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "-s", lua };
        if (cookie is not null)
        {
            arguments.AddRange(["-H", "Cookie: " + cookie]);
        }
        arguments.Add(url);
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var match = BenchLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("wrk gave no result: " + output + process.StandardError.ReadToEnd());
        }
        double D(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new WrkResult(D("rps"), D("p50"), D("p95"), D("p99"), (long)D("requests"), (long)D("errors"), (long)D("non2xx"));
    }

    [GeneratedRegex(@"BENCH rps=(?<rps>[\d.]+) p50=(?<p50>[\d.]+) p95=(?<p95>[\d.]+) p99=(?<p99>[\d.]+) requests=(?<requests>\d+) errors=(?<errors>\d+) non2xx=(?<non2xx>\d+)")]
    private static partial Regex BenchLine();
}

/// <summary>The published portal as a separate process, the way it runs in production.</summary>
internal sealed class Portal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;
    private readonly CookieContainer _cookies = new();

    private Portal(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    public static Portal Start(string dll, string dataDir, int port, bool demo, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.GetFullPath(dll));
        if (demo)
        {
            info.ArgumentList.Add("--demo");
        }
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DataDirectory"] = dataDir;
        info.Environment["Benchmark__FloorPage"] = "true";
        // Production needs its public address (links are never built from the request's Host).
        info.Environment["PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        // The benchmark signs staff in before each signed-in page; it measures pages, not the sign-in limiter.
        info.Environment["RateLimits__SignInPerClientPerMinute"] = "1000";
        info.Environment["RateLimits__SignInPerAddressPerMinute"] = "1000";
        info.Environment["Mail__DispatcherEnabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        info.WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("portal: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Portal(process, $"http://127.0.0.1:{port}");
    }

    public async Task WaitHealthyAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await _client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The portal exited during start-up.");
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The portal did not become healthy.");
    }

    public async Task<string> SignInAsync(string email, string password)
    {
        var form = await _client.GetStringAsync("/account/sign-in");
        var token = new HtmlParser().ParseDocument(form).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await _client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }
        return _cookies.GetCookieHeader(new Uri(BaseUrl));
    }

    public async Task<HttpStatusCode> WarmUpAsync(string path, string? cookie, int requests)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            using var anonymous = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }
            using var response = await anonymous.SendAsync(request);
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                return status;
            }
        }
        return status;
    }

    /// <summary>Opens the bulk approval confirmation for one community and times the POST that approves them all.</summary>
    public async Task<(int Count, TimeSpan Elapsed)> TimeBulkApproveAsync(int communityId)
    {
        var page = await _client.GetStringAsync($"/staff/join-requests/bulk-approve?community={communityId}");
        var document = new HtmlParser().ParseDocument(page);
        var form = document.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException("No bulk approval form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var ids = fields.Count(f => f.Key.Contains("Id", StringComparison.OrdinalIgnoreCase) && f.Key != "__RequestVerificationToken");
        var watch = Stopwatch.StartNew();
        var response = await _client.PostAsync(form.GetAttribute("action") ?? "/staff/join-requests/bulk-approve", new FormUrlEncodedContent(fields));
        watch.Stop();
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"Bulk approval failed: {(int)response.StatusCode}");
        }
        return (ids, watch.Elapsed);
    }

    public (long RssMb, long PeakMb) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
