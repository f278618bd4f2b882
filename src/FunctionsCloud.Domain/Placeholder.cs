namespace FunctionsCloud.Domain;
