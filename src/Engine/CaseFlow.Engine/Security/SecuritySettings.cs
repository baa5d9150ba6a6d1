namespace CaseFlow.Engine.Security;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecuritySettings
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Sign-in attempts per client address per minute, whatever the user name.</summary>
    public int SignInsPerMinute { get; set; } = 10;
    /// <summary>How long a sign-in lasts without activity (the cookie slides while it is used).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
    public int MinimumPasswordLength { get; set; } = 10;
    /// <summary>Whether the cookie is sent only over HTTPS. Behind a TLS-terminating proxy set it to Always.</summary>
    public Microsoft.AspNetCore.Http.CookieSecurePolicy CookieSecure { get; set; } = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
}
