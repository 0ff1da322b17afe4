using Platform.GpuPools.Simulator;

SimulatorApp.Create(args).Run();
