using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Privacy;

/// <summary>Encryption with the key ring in the database, and the keyed resident ID hash shared by every node.</summary>
public sealed class PersonalDataTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const string Id = "11010519491231002X";

    private PersonalData Service => app.Services.GetRequiredService<PersonalData>();

    /// <summary>A PersonalData of its own, as another node would have: no cached hash key.</summary>
    private static PersonalData Fresh(IServiceProvider services) => new(
        services.GetRequiredService<IDataProtectionProvider>(), services.GetRequiredService<IDbContextFactory<CaseFlowDb>>(), TimeProvider.System);

    [Fact]
    public void A_protected_value_reads_back_and_does_not_contain_the_plaintext()
    {
        var cipher = Service.Protect("6222021234567890");

        Assert.DoesNotContain("6222021234567890", cipher);
        Assert.Equal("6222021234567890", Service.Unprotect(cipher));
    }

    [Fact]
    public void The_key_ring_is_stored_in_the_database()
    {
        _ = Service.Protect("anything");

        using var scope = app.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<CaseFlowDb>().DataProtectionKeys.ToList());
    }

    [Fact]
    public async Task The_same_resident_id_hashes_alike_whatever_its_case()
    {
        Assert.Equal(await Service.HashResidentIdAsync(Id), await Service.HashResidentIdAsync(" 11010519491231002x"));
        Assert.NotEqual(await Service.HashResidentIdAsync(Id), await Service.HashResidentIdAsync("340102198511200016"));
    }

    [Fact]
    public async Task The_hash_is_keyed_not_a_plain_digest_of_the_number()
    {
        var hash = await Service.HashResidentIdAsync(Id);

        Assert.Equal(64, hash.Length);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Id))), hash);
    }

    [Fact]
    public async Task The_hash_key_is_stored_protected_not_in_the_clear()
    {
        var hash = await Service.HashResidentIdAsync(Id);

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Secrets.SingleAsync(s => s.Name == PersonalData.HashKeyName);
        var key = Convert.FromBase64String(app.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(PersonalData.SecretsPurpose).Unprotect(stored.Value));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Id))), hash);
        Assert.DoesNotContain(Convert.ToBase64String(key), stored.Value);
    }

    [Fact]
    public async Task Nodes_using_the_hash_for_the_first_time_together_end_with_one_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = new SameDatabaseApp(database);
        _ = node.Server;
        var nodes = Enumerable.Range(0, 4).Select(_ => Fresh(node.Services)).ToList();

        var hashes = await Task.WhenAll(nodes.Select(n => Task.Run(async () => await n.HashResidentIdAsync(Id))));

        Assert.Single(hashes.Distinct());
        await using var scope = node.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Secrets.CountAsync());
    }

    [Fact]
    public async Task Another_node_on_the_same_database_reads_the_ciphers_and_hashes_alike()
    {
        await using var database = await TestDatabase.CreateAsync();
        string cipher, hash;
        await using (var first = new SameDatabaseApp(database))
        {
            var data = first.Services.GetRequiredService<PersonalData>();
            cipher = data.Protect("肾透析, 每周三次");
            hash = await data.HashResidentIdAsync(Id);
        }
        await using var second = new SameDatabaseApp(database);
        var other = second.Services.GetRequiredService<PersonalData>();

        Assert.Equal("肾透析, 每周三次", other.Unprotect(cipher));
        Assert.Equal(hash, await other.HashResidentIdAsync(Id));
    }
}

/// <summary>The service on a database the test owns: several of them are the nodes of one deployment (or one node restarted).</summary>
internal sealed class SameDatabaseApp(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:CaseFlow", database.ConnectionString);
    }
}
