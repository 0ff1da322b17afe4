using System.CommandLine;
using Platform.Cli.Audit;
using Platform.Cli.Dataflow;
using Platform.Cli.Policies;

var root = new RootCommand("platform: tools for operators and auditors of the compliance-zoned inference platform");
root.Subcommands.Add(PoliciesCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(DataflowCommand.Create());
root.Subcommands.Add(Platform.Cli.Traces.TracesCommand.Create());
root.Subcommands.Add(Platform.Cli.Pii.PiiEvalCommand.Create());
root.Subcommands.Add(Platform.Cli.Replay.ReplayCommand.Create());
return await root.Parse(args).InvokeAsync();
