using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseFlow.Engine.Persistence;

/// <summary>timestamptz only accepts offset zero: FEEL due dates may carry any offset.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());

/// <summary>Fixed-width UTC ISO 8601 text: sorts and compares correctly as a string.</summary>
internal sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    v => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
