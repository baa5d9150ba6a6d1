using System.Collections.Concurrent;
using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Engine.Calendars;

/// <summary>A calendar file in force: the schedule it gave when it last read well.</summary>
internal sealed record CalendarFileInForce(string File, HolidaySchedule Schedule);

/// <summary>A calendar file whose current text is refused; <see cref="KeptSchedule"/> is its last good version, still in force.</summary>
internal sealed record RefusedCalendarFile(string File, IReadOnlyList<CalendarProblem> Problems, HolidaySchedule? KeptSchedule);

/// <summary>What the store serves now; replaced as a whole on reload, so a reader never sees half a change.</summary>
internal sealed record CalendarSnapshot(
    WorkCalendar Calendar, IReadOnlyList<CalendarFileInForce> Files, IReadOnlyList<RefusedCalendarFile> Refused)
{
    public CalendarFileInForce? FileFor(int year) => Files.FirstOrDefault(f => f.Schedule.Year == year);
}

/// <summary>
/// The service's <see cref="IWorkCalendar"/>: the folder's files, reread when one changes so that an office
/// can add next year's file without a release. Each file is judged on its own: a file that does not read
/// well is refused with its problems logged, and its last good version (if any) stays in force.
/// </summary>
internal sealed class WorkCalendarStore : IWorkCalendar, IHostedService, IDisposable
{
    // Editors save in several writes; wait for them to settle before rereading.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly ILogger<WorkCalendarStore> _log;
    private readonly TimeSpan _poll;
    private readonly TimeZoneInfo _zone;
    private readonly Lock _reloading = new();
    private readonly Dictionary<string, KnownFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _warnedYears = new();
    private readonly Timer _timer;
    private FileSystemWatcher? _watcher;
    private CalendarSnapshot _snapshot;

    public WorkCalendarStore(CalendarSettings settings, ILogger<WorkCalendarStore> log)
    {
        Folder = settings.Folder;
        _poll = settings.PollInterval;
        _zone = settings.TimeZone;
        _log = log;
        _snapshot = new CalendarSnapshot(new WorkCalendar([], WarnYearWithoutSchedule), [], []);
        _timer = new Timer(_ => TryReload());
        TryReload();
    }

    public string Folder { get; }

    public CalendarSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public bool IsWorkingDay(DateOnly day) => Snapshot.Calendar.IsWorkingDay(day);

    /// <summary>
    /// Counted on the office's calendar days: the executor's clock is UTC, and 20:00 UTC on 30 September is
    /// already the 1 October holiday in Beijing. The answer keeps the start's offset.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days) =>
        Snapshot.Calendar.AddWorkingDays(TimeZoneInfo.ConvertTime(start, _zone), days).ToOffset(start.Offset);

    /// <summary>
    /// Rereads the files whose time stamp or size changed, drops those that are gone, and swaps in the new
    /// calendar. Cheap when nothing changed (one directory listing), so the periodic check costs nothing.
    /// </summary>
    public void Reload()
    {
        lock (_reloading)
        {
            var present = Directory.Exists(Folder)
                ? Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList()
                : [];
            var changed = false;
            foreach (var path in present) changed |= Refresh(path);
            foreach (var gone in _files.Keys.Except(present).ToList())
            {
                _log.LogWarning("Calendar file {File} was removed: its schedule ({Year}) is no longer in force.",
                    Path.GetFileName(gone), _files[gone].Schedule?.Year);
                _files.Remove(gone);
                changed = true;
            }
            if (changed) Publish();
        }
    }

    private void TryReload()
    {
        try
        {
            Reload();
        }
        catch (Exception e)
        {
            // An unreadable folder must not stop the service nor kill the timer thread: the calendar in force
            // stays (weekends only at start-up), the error is logged, and the next check retries.
            _log.LogError(e, "Reading the calendar folder {Folder} failed; the calendar in force stays.", Folder);
        }
    }

    /// <returns>Whether the file changed since it was last read.</returns>
    private bool Refresh(string path)
    {
        var info = new FileInfo(path);
        var stamp = (info.LastWriteTimeUtc, info.Length);
        _files.TryGetValue(path, out var known);
        if (known is not null && known.Stamp == stamp) return false;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Probably still being written: the next change event or check reads it again.
            _log.LogWarning("Calendar file {File} could not be read yet: {Reason}", info.Name, e.Message);
            return false;
        }
        var read = HolidayScheduleFile.Read(info.Name, text);
        if (read.Schedule is { } schedule)
        {
            _files[path] = new KnownFile(stamp, schedule, []);
            _log.LogInformation("Calendar file {File} loaded: {Year}, {Holidays} holiday days, {Workdays} adjusted working days ({Source}).",
                info.Name, schedule.Year, schedule.Holidays.Count, schedule.Workdays.Count, schedule.Source);
        }
        else
        {
            _files[path] = new KnownFile(stamp, known?.Schedule, read.Problems);
            _log.LogError("Calendar file {File} is refused; {Kept}. Problems:{NewLine}{Problems}",
                info.Name,
                known?.Schedule is { } kept ? $"its last good version ({kept.Year}) stays in force" : "its year counts weekends only",
                Environment.NewLine, string.Join(Environment.NewLine, read.Problems));
        }
        return true;
    }

    private void Publish()
    {
        var inForce = new List<CalendarFileInForce>();
        var refused = new List<RefusedCalendarFile>();
        var before = Snapshot;
        // Of two files for one year, the one already in force keeps it: adding a stray copy changes nothing.
        var ordered = _files
            .OrderBy(f => f.Value.Schedule is { } s && before.FileFor(s.Year)?.File == Path.GetFileName(f.Key) ? 0 : 1)
            .ThenBy(f => f.Key, StringComparer.Ordinal);
        foreach (var (path, file) in ordered)
        {
            var name = Path.GetFileName(path);
            if (file.Problems.Count > 0) refused.Add(new RefusedCalendarFile(name, file.Problems, file.Schedule));
            if (file.Schedule is not { } schedule) continue;
            if (inForce.FirstOrDefault(f => f.Schedule.Year == schedule.Year) is { } first)
            {
                var problem = new CalendarProblem(name, null, CalendarProblemCodes.DuplicateYear,
                    $"{first.File} already gives the schedule of {schedule.Year}; this file is ignored.", "year");
                refused.Add(new RefusedCalendarFile(name, [problem], null));
                _log.LogError("Calendar file {File} is refused: {Problem}", name, problem);
                continue;
            }
            inForce.Add(new CalendarFileInForce(name, schedule));
        }
        inForce.Sort((a, b) => a.Schedule.Year.CompareTo(b.Schedule.Year));
        refused.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        var calendar = new WorkCalendar(inForce.Select(f => f.Schedule), WarnYearWithoutSchedule);
        Volatile.Write(ref _snapshot, new CalendarSnapshot(calendar, inForce, refused));
        _log.LogInformation("Work calendar in force from {Folder}: years {Years}.",
            Folder, inForce.Count == 0 ? "none (weekends only)" : string.Join(", ", inForce.Select(f => f.Schedule.Year)));
    }

    private void WarnYearWithoutSchedule(int year)
    {
        if (_warnedYears.TryAdd(year, true))
            _log.LogWarning("No calendar file for {Year} in {Folder}: working days in {Year} count weekends only, without holidays or adjusted working days.",
                year, Folder, year);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            _log.LogWarning("Calendar folder {Folder} does not exist: every year counts weekends only. Set Calendars:Path.", Folder);
        }
        else
        {
            _watcher = new FileSystemWatcher(Folder, "*.json")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => SoonReload();
            _watcher.Created += (_, _) => SoonReload();
            _watcher.Deleted += (_, _) => SoonReload();
            _watcher.Renamed += (_, _) => SoonReload();
            _watcher.Error += (_, _) => SoonReload();
            _watcher.EnableRaisingEvents = true;
        }
        // The periodic check catches what the watcher misses (network shares, some container mounts).
        _timer.Change(_poll, _poll);
        return Task.CompletedTask;
    }

    private void SoonReload() => _timer.Change(Settle, _poll);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer.Dispose();
    }

    private sealed record KnownFile((DateTime, long) Stamp, HolidaySchedule? Schedule, IReadOnlyList<CalendarProblem> Problems);
}
