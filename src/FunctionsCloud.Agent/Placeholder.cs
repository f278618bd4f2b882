namespace FunctionsCloud.Agent;
