Platform.Edge.EdgeApp.Create(args).Run();
