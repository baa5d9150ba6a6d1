namespace CaseFlow.Engine.Privacy;

/// <summary>
/// Makes the key ring and the hash key exist before the node takes requests. Data Protection reloads its
/// key ring on an unknown key only shortly after start-up: when two new nodes each create a first key,
/// doing it now, inside that window, lets each read the other's ciphers at once rather than after the
/// next daily refresh.
/// </summary>
internal sealed class PrivacyWarmUp(PersonalData personalData) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        _ = personalData.Protect("warm-up");
        await personalData.HashResidentIdAsync("000000000000000000", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
