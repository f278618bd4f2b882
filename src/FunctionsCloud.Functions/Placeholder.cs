namespace FunctionsCloud.Functions;
