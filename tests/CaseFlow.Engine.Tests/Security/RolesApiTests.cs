using System.Net;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Security;

public sealed class RolesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Any_signed_in_user_reads_the_roles_and_unit_kinds_a_candidate_group_may_name()
    {
        var units = await app.UnitsAsync();
        var operatorClient = await app.ClientAsAsync(units.TownA, Roles.Operator);

        var answer = await (await operatorClient.GetAsync("/api/roles")).ReadAsync<RolesDto>();

        Assert.Equal(["operator", "caseworker", "reviewer", "approver", "finance", "auditor", "supervisor", "admin"], answer.Roles);
        Assert.Equal(["province", "city", "county", "town", "grassroots"], answer.UnitKinds);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_for_the_roles()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/api/roles");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
