namespace FourDuty.Workflows.Organization;

/// <summary>Someone who can be given tasks: a leader, an office member, a branch secretary.</summary>
/// <param name="Id">Stable id used in models and task links.</param>
/// <param name="Name">姓名.</param>
/// <param name="Title">职务.</param>
/// <param name="Email">Where task emails go; null for none.</param>
/// <param name="Roles">Positions such as <c>DisciplineSecretary</c> (a model assigns <c>role:DisciplineSecretary</c>).</param>
/// <param name="Groups">Candidate groups the person belongs to.</param>
/// <param name="Portfolio">Areas a leadership member is in charge of (分管领域).</param>
/// <param name="Access">What the person may do in the service (<see cref="AccessRole"/>).</param>
/// <param name="Culture">The language of the person's mails (zh-CN, en); null for the service's default (<c>Mail:Culture</c>).</param>
public sealed record Person(string Id, string Name, string? Title, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups,
    IReadOnlyList<string> Portfolio, IReadOnlyList<string> Access, string? Culture = null);
