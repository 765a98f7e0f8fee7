"""The ideas of the HTML extractor, one a module; `bot.digest.extract.html_extractor` puts them together."""
