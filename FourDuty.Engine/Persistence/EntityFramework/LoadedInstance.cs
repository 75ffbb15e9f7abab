using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>An instance's own row and the rows of everything running in it, as read for a step.</summary>
internal sealed record LoadedInstance(InstanceRecord Instance, InstanceRows Rows);
