#include "impl/store/grpc_server.h"

#include <gtest/gtest.h>

namespace kref::store {
namespace {

TEST(ListenAddressFromUrlTest, TakesHostAndPortOfHttpUrls) {
  EXPECT_EQ(ListenAddressFromUrl("http://127.0.0.1:2379").value(), "127.0.0.1:2379");
  EXPECT_EQ(ListenAddressFromUrl("http://127.0.0.1:2379/").value(), "127.0.0.1:2379");
  EXPECT_EQ(ListenAddressFromUrl("http://[::1]:2379").value(), "[::1]:2379");
  EXPECT_EQ(ListenAddressFromUrl("http://localhost:0").value(), "localhost:0");
}

TEST(ListenAddressFromUrlTest, RejectsWhatItCannotServe) {
  EXPECT_EQ(ListenAddressFromUrl("https://127.0.0.1:2379").error().message(),
            "listen URL https://127.0.0.1:2379 must use http (TLS is not supported yet)");
  EXPECT_EQ(ListenAddressFromUrl("http://127.0.0.1").error().message(),
            "listen URL http://127.0.0.1 needs a host and a port");
  EXPECT_EQ(ListenAddressFromUrl("http://127.0.0.1:").error().message(),
            "listen URL http://127.0.0.1: needs a host and a port");
  EXPECT_TRUE(ListenAddressFromUrl("127.0.0.1:2379").error().IsInvalidArgument());
  EXPECT_TRUE(ListenAddressFromUrl("not a url").error().IsInvalidArgument());
}

}  // namespace
}  // namespace kref::store
