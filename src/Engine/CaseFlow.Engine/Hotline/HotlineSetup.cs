namespace CaseFlow.Engine.Hotline;

/// <summary>The <c>Hotline:</c> settings.</summary>
public sealed class HotlineOptions
{
    /// <summary>A wage-arrears complaint joins an open group of the same employer and unit opened within this many days.</summary>
    public int GroupingWindowDays { get; set; } = 30;
    /// <summary>Claimants that make a collective incident where no unit on the way up sets its own threshold.</summary>
    public int CollectiveThreshold { get; set; } = 10;
}

public static class HotlineSetup
{
    public static IServiceCollection AddHotline(this IServiceCollection services)
    {
        services.AddOptions<HotlineOptions>()
            .BindConfiguration("Hotline")
            .Validate(o => o.GroupingWindowDays is >= 1 and <= 3650, "Hotline:GroupingWindowDays must be between 1 and 3650.")
            .Validate(o => o.CollectiveThreshold is >= 2 and <= 100000, "Hotline:CollectiveThreshold must be between 2 and 100000.")
            .ValidateOnStart();
        services.AddScoped<WageArrearsGrouping>();
        services.AddScoped<CallRouting>();
        return services;
    }
}
