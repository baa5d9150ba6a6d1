namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL date and time: a wall-clock <see cref="Local"/> value, optionally with a UTC offset or an IANA zone.
/// One type for all three flavours keeps every operator a single case; convert with
/// <see cref="ToDateTimeOffset"/> at the edges.
/// </summary>
public readonly struct FeelDateTime : IEquatable<FeelDateTime>
{
    private FeelDateTime(DateTime local, TimeSpan? offset, string? zoneId)
    {
        Local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        Offset = offset;
        ZoneId = zoneId;
    }

    /// <summary>A local date and time (no offset); the kind of <paramref name="local"/> is ignored.</summary>
    public FeelDateTime(DateTime local) : this(local, null, null) { }

    public FeelDateTime(DateTime local, TimeSpan offset) : this(local, offset, null) { }

    public static FeelDateTime FromDateTimeOffset(DateTimeOffset value) => new(value.DateTime, value.Offset, null);

    /// <summary>A wall-clock time in <paramref name="zoneId"/>; throws <see cref="TimeZoneNotFoundException"/> when unknown.</summary>
    public static FeelDateTime InZone(DateTime local, string zoneId)
    {
        var zone = FeelZones.Find(zoneId) ?? throw new TimeZoneNotFoundException(zoneId);
        return new FeelDateTime(local, zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)), zoneId);
    }

    /// <summary>The instant <paramref name="instant"/> as seen in <paramref name="zoneId"/>.</summary>
    public static FeelDateTime AtInstant(DateTimeOffset instant, string zoneId)
    {
        var zone = FeelZones.Find(zoneId) ?? throw new TimeZoneNotFoundException(zoneId);
        var there = TimeZoneInfo.ConvertTime(instant, zone);
        return new FeelDateTime(there.DateTime, there.Offset, zoneId);
    }

    /// <summary>Wall-clock date and time, <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime Local { get; }

    /// <summary>Offset from UTC, or null for a local date and time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>IANA zone id when given with <c>@zone</c>; <see cref="Offset"/> is then the zone's offset at that moment.</summary>
    public string? ZoneId { get; }

    public bool IsLocal => Offset is null;
    public DateOnly Date => DateOnly.FromDateTime(Local);
    public FeelTime Time => ZoneId is null ? new FeelTime(TimeOnly.FromDateTime(Local), Offset) : FeelTime.InZone(TimeOnly.FromDateTime(Local), ZoneId);

    /// <summary>The instant; a local value is read as UTC.</summary>
    public DateTimeOffset ToDateTimeOffset() => new(Local, Offset ?? TimeSpan.Zero);

    /// <summary>Ticks of the instant, local values read as UTC (FEEL's valuedt).</summary>
    internal long InstantTicks => Local.Ticks - (Offset ?? TimeSpan.Zero).Ticks;

    /// <summary>Adds a days-and-time duration; zoned values move along the timeline and re-read their offset.</summary>
    public FeelDateTime Add(TimeSpan duration)
    {
        if (ZoneId is not null) return AtInstant(ToDateTimeOffset() + duration, ZoneId);
        return new FeelDateTime(Local + duration, Offset, null);
    }

    /// <summary>Adds calendar months, clamping the day to the end of a shorter month.</summary>
    public FeelDateTime AddMonths(int months)
    {
        var local = Local.AddMonths(months);
        return ZoneId is not null ? InZone(local, ZoneId) : new FeelDateTime(local, Offset, null);
    }

    public bool Equals(FeelDateTime other) => Local == other.Local && Offset == other.Offset && ZoneId == other.ZoneId;
    public override bool Equals(object? obj) => obj is FeelDateTime other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Local, Offset, ZoneId);
    public static bool operator ==(FeelDateTime a, FeelDateTime b) => a.Equals(b);
    public static bool operator !=(FeelDateTime a, FeelDateTime b) => !a.Equals(b);

    /// <summary>ISO form as FEEL prints it: 2024-05-01T10:00:00, ...+02:00, ...Z, ...@Europe/Paris.</summary>
    public override string ToString() =>
        TemporalFormat.Date(Date) + "T" + TemporalFormat.Time(Local.TimeOfDay.Ticks) + TemporalFormat.Suffix(Offset, ZoneId);
}
