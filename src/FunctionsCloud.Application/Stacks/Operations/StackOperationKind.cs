namespace FunctionsCloud.Application.Stacks.Operations;

public enum StackOperationKind
{
    Start,
    Stop,
    Redeploy,
    Terminate,
}
