namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL time: a wall-clock time, optionally with a UTC offset or an IANA zone id.
/// For a zoned time <see cref="Offset"/> holds the zone's standard offset, because a time
/// without a date cannot know about daylight saving.
/// </summary>
public readonly struct FeelTime : IEquatable<FeelTime>
{
    public FeelTime(TimeOnly local, TimeSpan? offset = null)
    {
        Local = local;
        Offset = offset;
    }

    private FeelTime(TimeOnly local, TimeSpan offset, string zoneId)
    {
        Local = local;
        Offset = offset;
        ZoneId = zoneId;
    }

    /// <summary>A time in the zone <paramref name="zoneId"/>; throws <see cref="TimeZoneNotFoundException"/> when unknown.</summary>
    public static FeelTime InZone(TimeOnly local, string zoneId)
    {
        var zone = FeelZones.Find(zoneId) ?? throw new TimeZoneNotFoundException(zoneId);
        return new FeelTime(local, zone.BaseUtcOffset, zoneId);
    }

    public TimeOnly Local { get; }

    /// <summary>Offset from UTC, or null for a local time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>IANA zone id when the time was given with <c>@zone</c>.</summary>
    public string? ZoneId { get; }

    public bool IsLocal => Offset is null;

    /// <summary>Time of day in UTC, in ticks; local times count as UTC (as FEEL's valuet does).</summary>
    internal long UtcTicksOfDay
    {
        get
        {
            var ticks = (Local.Ticks - (Offset ?? TimeSpan.Zero).Ticks) % TimeSpan.TicksPerDay;
            return ticks < 0 ? ticks + TimeSpan.TicksPerDay : ticks;
        }
    }

    /// <summary>Adds a duration, wrapping around midnight as a clock does.</summary>
    public FeelTime Add(TimeSpan duration) => With(Local.Add(duration));

    internal FeelTime With(TimeOnly local) => ZoneId is null ? new FeelTime(local, Offset) : new FeelTime(local, Offset!.Value, ZoneId);

    public bool Equals(FeelTime other) => Local == other.Local && Offset == other.Offset && ZoneId == other.ZoneId;
    public override bool Equals(object? obj) => obj is FeelTime other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Local, Offset, ZoneId);
    public static bool operator ==(FeelTime a, FeelTime b) => a.Equals(b);
    public static bool operator !=(FeelTime a, FeelTime b) => !a.Equals(b);

    /// <summary>ISO form as FEEL prints it: 10:30:00, 10:30:00.5+02:00, 10:30:00Z, 10:30:00@Europe/Paris.</summary>
    public override string ToString() => TemporalFormat.Time(Local.Ticks) + TemporalFormat.Suffix(Offset, ZoneId);
}
