// A shared library without Qt plug-in metadata.
extern "C" int mdp_not_a_plugin_answer()
{
    return 42;
}
