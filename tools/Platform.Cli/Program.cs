using System.CommandLine;
using Platform.Cli.Policies;

var root = new RootCommand("platform: tools for operators and auditors of the compliance-zoned inference platform");
root.Subcommands.Add(PoliciesCommand.Create());
return await root.Parse(args).InvokeAsync();
