global using Platform.Compliance;
