using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class GatewayReader
{
    public static Gateway Read(XElement element, ParseContext context)
    {
        Gateway gateway = element.Name.LocalName switch
        {
            "exclusiveGateway" => new ExclusiveGateway(),
            "parallelGateway" => new ParallelGateway(),
            "inclusiveGateway" => new InclusiveGateway(),
            _ => new EventBasedGateway(),
        };
        FlowNodeBasics.Read(gateway, element, context);

        if (gateway is EventBasedGateway)
        {
            var instantiate = context.Flag(element, "instantiate", false, gateway.Id);
            var type = ParseContext.Attribute(element, "eventGatewayType");
            if (instantiate || type is "Parallel")
            {
                context.Unsupported(element, gateway.Id,
                    "event-based gateways that start a process (instantiate=\"true\" or eventGatewayType=\"Parallel\") are not supported; use several start events.");
            }
        }

        return gateway;
    }
}
