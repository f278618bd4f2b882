namespace FunctionsCloud.LocalHost;
