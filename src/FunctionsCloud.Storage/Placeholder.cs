namespace FunctionsCloud.Storage;
