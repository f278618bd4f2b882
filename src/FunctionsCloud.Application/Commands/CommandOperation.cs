namespace FunctionsCloud.Application.Commands;

public enum CommandOperation
{
    Deploy,
    Start,
    Stop,
    Redeploy,
    Scale,
    Terminate,
}
