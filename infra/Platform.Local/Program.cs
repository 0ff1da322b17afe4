using Platform.Local;

// dotnet run --project infra/Platform.Local [-- --port 8080 --speed 1 --data .local/data]
var options = LocalArgs.Parse(args);
await using var platform = await LocalPlatform.StartAsync(options);
LocalArgs.PrintWhereEverythingListens(platform);

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
Console.WriteLine("Stopping…");
