#include "app/cli/arguments.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace latentlens::cli {

std::vector<double> numberList(const std::string& text, const std::string& option)
{
    std::vector<double> values;
    std::stringstream s(text);
    for (std::string item; std::getline(s, item, ',');) {
        try {
            std::size_t used = 0;
            const double v = std::stod(item, &used);
            if (used != item.size() || !std::isfinite(v))
                throw std::invalid_argument(item);
            values.push_back(v);
        } catch (const std::exception&) {
            throw UsageError("option '--" + option + "' needs numbers separated by commas");
        }
    }
    if (values.empty())
        throw UsageError("option '--" + option + "' needs at least one value");
    return values;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start)
            items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

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
