import UntetherCLI

await UntetherCommand.start()
