using Platform.Regional.Budgets;
using Platform.Regional.Costing;
using Platform.Regional.Forwarding;
using Platform.Traces;

namespace Platform.Regional.Escalation;

/// <summary>How a routed request was served: the forwarding that answered, plus what the trace and decision log record beyond it.</summary>
internal sealed record ServedRequest(
    ForwardResult Forward,
    int Tier,
    BudgetDecision Budget,
    bool BudgetCapped,
    bool SystemPromptAdded,
    RequestCost Cost,
    IReadOnlyList<TraceEscalation> Escalations);
