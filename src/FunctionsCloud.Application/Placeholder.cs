namespace FunctionsCloud.Application;
