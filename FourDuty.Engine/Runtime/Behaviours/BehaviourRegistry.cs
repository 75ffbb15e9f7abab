using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>The behaviour of each element kind, looked up by the node's type.</summary>
internal sealed class BehaviourRegistry
{
    private readonly Dictionary<Type, IFlowNodeBehaviour> _behaviours = new()
    {
        [typeof(StartEvent)] = new PassThroughBehaviour(),
        [typeof(BoundaryEvent)] = new PassThroughBehaviour(),
        [typeof(AbstractTask)] = new PassThroughBehaviour(),
        [typeof(ManualTask)] = new PassThroughBehaviour(),
        [typeof(EndEvent)] = new EndEventBehaviour(),
        [typeof(IntermediateThrowEvent)] = new IntermediateThrowEventBehaviour(),
        [typeof(IntermediateCatchEvent)] = new IntermediateCatchEventBehaviour(),
        [typeof(UserTask)] = new UserTaskBehaviour(),
        [typeof(ServiceTask)] = new ServiceTaskBehaviour(),
        [typeof(SendTask)] = new ServiceTaskBehaviour(),
        [typeof(ReceiveTask)] = new ReceiveTaskBehaviour(),
        [typeof(ScriptTask)] = new ScriptTaskBehaviour(),
        [typeof(SubProcess)] = new SubProcessBehaviour(),
        [typeof(CallActivity)] = new CallActivityBehaviour(),
        [typeof(ExclusiveGateway)] = new ExclusiveGatewayBehaviour(),
        [typeof(ParallelGateway)] = new ParallelGatewayBehaviour(),
        [typeof(InclusiveGateway)] = new InclusiveGatewayBehaviour(),
        [typeof(EventBasedGateway)] = new EventBasedGatewayBehaviour(),
    };

    public IFlowNodeBehaviour For(FlowNode node) =>
        _behaviours.TryGetValue(node.GetType(), out var behaviour)
            ? behaviour
            : throw new InvalidOperationException($"No behaviour for {node}; the validator should have refused it.");
}
