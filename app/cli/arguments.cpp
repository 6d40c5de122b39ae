#include "app/cli/arguments.h"

#include <cmath>
#include <cstdlib>

namespace latentlens::cli {

Arguments::Arguments(const std::vector<std::string>& args,
    const std::set<std::string>& valueOptions, const std::set<std::string>& flags)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string arg
            = (args[i] == "-o" && valueOptions.count("output")) ? "--output" : args[i];
        if (onlyPositionals || arg.size() < 2 || !arg.starts_with("--")) {
            // A lone "-" or a negative number is a positional argument.
            if (arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1]))
                && arg[1] != '.' && !onlyPositionals)
                throw UsageError("unknown option '" + arg + "'");
            mPositionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositionals = true;
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        if (flags.count(name)) {
            if (inlineValue)
                throw UsageError("option '--" + name + "' takes no value");
            mFlags.insert(name);
        } else if (valueOptions.count(name)) {
            if (inlineValue) {
                mValues[name] = *inlineValue;
            } else {
                if (i + 1 >= args.size())
                    throw UsageError("option '--" + name + "' needs a value");
                mValues[name] = args[++i];
            }
        } else {
            throw UsageError("unknown option '--" + name + "'");
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    auto it = mValues.find(name);
    if (it == mValues.end())
        return std::nullopt;
    return it->second;
}

std::string Arguments::required(const std::string& name) const
{
    auto v = value(name);
    if (!v)
        throw UsageError("option '--" + name + "' is required");
    return *v;
}

std::optional<double> Arguments::number(const std::string& name) const
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !std::isfinite(d))
        throw UsageError("option '--" + name + "' needs a number, got '" + *v + "'");
    return d;
}

void Arguments::expectPositionals(std::size_t count, const std::string& what) const
{
    if (mPositionals.size() != count)
        throw UsageError("expected " + what + " (" + std::to_string(count) + " argument"
            + (count == 1 ? "" : "s") + "), got " + std::to_string(mPositionals.size()));
}

} // namespace latentlens::cli
